// The body of a ParsePool thread: reads and parses one document per message, within the
// limits it is sent, and answers with the outline or the reason it could not.
import { parentPort } from 'node:worker_threads';

import type { DocumentLimits } from './document-limits.js';
import { IngestionException } from './ingestion.exception.js';
import { parseDocument } from './parse-document.js';
import type { ParseOptions } from './parse-text.js';
import type { DocumentInput } from './read-document.js';

export interface ParseJob {
  input: DocumentInput;
  options: ParseOptions;
  limits: DocumentLimits;
}

export type ParseAnswer =
  | { ok: true; outline: Awaited<ReturnType<typeof parseDocument>> }
  | { ok: false; ingestion: Pick<IngestionException, 'code' | 'message' | 'limit'> }
  | { ok: false; ingestion?: undefined; message: string };

parentPort?.on('message', (job: ParseJob) => {
  void parseDocument(job.input, job.options, job.limits).then(
    (outline) => parentPort?.postMessage({ ok: true, outline } satisfies ParseAnswer),
    (error: unknown) =>
      parentPort?.postMessage(
        (error instanceof IngestionException
          ? { ok: false, ingestion: { code: error.code, message: error.message, limit: error.limit } }
          : {
              ok: false,
              message: error instanceof Error ? error.message.split('\n')[0] : String(error),
            }) satisfies ParseAnswer,
      ),
  );
});
