import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';

import { Command, CommandRunner, Option } from 'nest-commander';

import { parsePoolOptions } from '@dondoc/directives';
import {
  formatOutlineTree,
  IngestionException,
  MAX_DOCUMENT_BYTES,
  ParsePool,
  toParseJson,
} from '@dondoc/ingestion';
import { AppConfig } from '@dondoc/platform';

interface ParseOptions {
  json?: boolean;
}

/**
 * `npm run cli -- parse FILE [--json]`: reads a directive (.txt, .docx, .pdf) and prints its
 * outline — as a tree with the tasks section marked, or as the JSON of API.md. A file that
 * cannot be read exits 1 with one line on stderr.
 */
@Command({
  name: 'parse',
  arguments: '<file>',
  description: 'Read a document and print its outline, tasks, citations and footnotes',
})
export class ParseCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run([file]: string[], options: ParseOptions): Promise<void> {
    const outline = await this.read(file as string);
    if (!outline) return;
    process.stdout.write(
      options.json ? `${JSON.stringify(toParseJson(outline), null, 2)}\n` : `${formatOutlineTree(outline)}\n`,
    );
  }

  @Option({ flags: '--json', description: 'Print the outline as JSON (the shape in API.md)' })
  parseJson(): boolean {
    return true;
  }

  private async read(file: string) {
    try {
      const info = await stat(file);
      if (!info.isFile()) return fail(`${file} is not a file`);
      if (info.size > MAX_DOCUMENT_BYTES) {
        return fail(
          `${basename(file)} is ${(info.size / 1_048_576).toFixed(1)} MB: documents over ${MAX_DOCUMENT_BYTES / 1_048_576} MB are not read`,
        );
      }
      const data = new Uint8Array(await readFile(file));
      // The same limits and time budget as the API: a hostile file stops with one line.
      const pool = new ParsePool({ ...parsePoolOptions(this.config.documentReading), threads: 1 });
      try {
        return await pool.parse({ fileName: basename(file), data });
      } finally {
        await pool.close();
      }
    } catch (error) {
      if (error instanceof IngestionException) return fail(error.message);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return fail(`${file}: no such file`);
      if (code === 'EACCES') return fail(`${file}: permission denied`);
      throw error;
    }
  }
}

function fail(message: string): null {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
  return null;
}
