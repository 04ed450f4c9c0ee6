import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './document-limits.js';
import { IngestionException, IngestionExceptionCode } from './ingestion.exception.js';
import type { DocumentOutline } from './outline.types.js';
import type { ParseAnswer, ParseJob } from './parse-worker.js';
import type { ParseOptions } from './parse-text.js';
import type { DocumentInput } from './read-document.js';

export interface ParsePoolOptions {
  /** Documents read at once, each on a thread of its own. */
  threads: number;
  /** A read that takes longer is stopped (its thread is terminated) and refused with TIMEOUT. */
  timeoutMs: number;
  /**
   * V8 heap of each thread; a read that needs more is refused with TOO_LARGE (heapMb). The
   * same figure bounds how much the process's RSS may grow while a read runs, since the
   * ArrayBuffers that pdf.js and zlib decode into live outside the heap limit.
   */
  maxHeapMb: number;
  /** How often the RSS is sampled while reads run. */
  memoryCheckMs: number;
  /** Reads waiting for a thread; past this, a read is refused with BUSY at once. */
  maxQueued: number;
  limits: DocumentLimits;
}

export const DEFAULT_PARSE_POOL_OPTIONS: Readonly<ParsePoolOptions> = Object.freeze({
  threads: 2,
  timeoutMs: 10_000,
  maxHeapMb: 512,
  memoryCheckMs: 50,
  maxQueued: 16,
  limits: DEFAULT_DOCUMENT_LIMITS,
});

interface Pending {
  job: ParseJob;
  resolve(outline: DocumentOutline): void;
  reject(error: Error): void;
}

/**
 * Reads documents off the event loop. Unpacking a .docx and extracting a .pdf's text are
 * synchronous CPU work in mammoth, JSZip and pdf.js; on the API's thread a hostile file would
 * stall every other request. Here each read runs in a worker thread with a bounded heap and a
 * time budget: past the budget the thread is terminated, so a hostile file costs one thread
 * for a bounded time. Threads are reused between reads and do not keep the process alive.
 */
export class ParsePool {
  private readonly options: ParsePoolOptions;
  private readonly idle: Worker[] = [];
  private readonly queue: Pending[] = [];
  private readonly running = new Set<Worker>();
  /** RSS at the start of each running read, and how to refuse it for memory. */
  private readonly watched = new Map<Worker, { rssAtStart: number; refuse(): void }>();
  private memoryTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(options: Partial<ParsePoolOptions> = {}) {
    this.options = { ...DEFAULT_PARSE_POOL_OPTIONS, ...options };
  }

  /** Reads and parses a document in a worker thread; throws IngestionException as parseDocument does. */
  parse(input: DocumentInput, options: ParseOptions = {}): Promise<DocumentOutline> {
    if (this.closed) return Promise.reject(new Error('The parse pool is closed'));
    if (this.running.size >= this.options.threads && this.queue.length >= this.options.maxQueued) {
      return Promise.reject(
        new IngestionException(
          IngestionExceptionCode.BUSY,
          `Too many documents are being read at once (${this.options.threads} at a time, ${this.options.maxQueued} waiting); try again shortly.`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { input, options, limits: this.options.limits }, resolve, reject });
      this.pump();
    });
  }

  /** Terminates every thread; reads still waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('The parse pool is closed'));
    await Promise.all([...this.idle.splice(0), ...this.running].map((worker) => worker.terminate()));
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0 && this.running.size < this.options.threads) {
      const pending = this.queue.shift() as Pending;
      const worker = this.idle.pop() ?? this.spawn();
      this.run(worker, pending);
    }
  }

  private spawn(): Worker {
    const entry = workerEntry();
    return new Worker(entry.url, {
      execArgv: entry.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb },
    });
  }

  private run(worker: Worker, pending: Pending): void {
    this.running.add(worker);
    worker.ref();
    let settled = false;
    const settle = (reuse: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      this.running.delete(worker);
      this.unwatch(worker);
      if (reuse && !this.closed) {
        worker.unref();
        this.idle.push(worker);
      } else void worker.terminate();
      outcome();
      this.pump();
    };
    const onMessage = (answer: ParseAnswer) =>
      settle(true, () => {
        if (answer.ok) pending.resolve(answer.outline);
        else if (answer.ingestion)
          pending.reject(
            new IngestionException(answer.ingestion.code, answer.ingestion.message, answer.ingestion.limit),
          );
        else pending.reject(new Error(`Reading the document failed: ${answer.message}`));
      });
    const outOfMemory = () =>
      new IngestionException(
        IngestionExceptionCode.TOO_LARGE,
        `Reading the document needed more than ${this.options.maxHeapMb} MB of memory.`,
        { name: 'heapMb', limit: this.options.maxHeapMb, value: null, atLeast: true },
      );
    const onError = (error: Error & { code?: string }) =>
      settle(false, () =>
        pending.reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? outOfMemory()
            : new Error(`Reading the document failed: ${error.message}`),
        ),
      );
    this.watch(worker, () => settle(false, () => pending.reject(outOfMemory())));
    const onExit = (code: number) =>
      settle(false, () =>
        pending.reject(new Error(`The document reading thread stopped (exit code ${code})`)),
      );
    const seconds = this.options.timeoutMs / 1000;
    const timer = setTimeout(
      () =>
        settle(false, () =>
          pending.reject(
            new IngestionException(
              IngestionExceptionCode.TIMEOUT,
              `Reading the document took longer than ${seconds.toLocaleString('en-US')} s and was stopped.`,
              { name: 'seconds', limit: seconds, value: null, atLeast: true },
            ),
          ),
        ),
      this.options.timeoutMs,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(pending.job);
  }

  private watch(worker: Worker, refuse: () => void): void {
    this.watched.set(worker, { rssAtStart: process.memoryUsage.rss(), refuse });
    this.memoryTimer ??= setInterval(() => this.checkMemory(), this.options.memoryCheckMs).unref();
  }

  private unwatch(worker: Worker): void {
    this.watched.delete(worker);
    if (this.watched.size === 0 && this.memoryTimer) {
      clearInterval(this.memoryTimer);
      this.memoryTimer = null;
    }
  }

  /**
   * RSS is the process's, not one thread's, and Node 20 cannot measure a thread's memory from
   * outside it. So a read is stopped when the RSS has grown, since it began, by more than the
   * budget times the reads running now: the process stays within threads × budget, and reads
   * that run side by side do not stop each other for their honest share. Under attack, a
   * read running beside a hostile one may be stopped too; the process is what is kept.
   */
  private checkMemory(): void {
    const rss = process.memoryUsage.rss();
    const allowed = this.options.maxHeapMb * 1_048_576 * this.watched.size;
    for (const { rssAtStart, refuse } of [...this.watched.values()]) {
      if (rss - rssAtStart > allowed) refuse();
    }
  }
}

/**
 * The thread's entry: the built `parse-worker.js` beside this file (production, the CLI and
 * every process test run `dist/`). When only the TypeScript source is here — under jest,
 * which cannot lend its transform to a thread — the thread compiles the sources itself with
 * swc through module hooks (testing/ts-loader.mjs), so tests still exercise a real thread.
 */
function workerEntry(): { url: URL; execArgv?: string[] } {
  const built = new URL('./parse-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return { url: built };
  const register = new URL('./testing/register-ts-loader.mjs', import.meta.url);
  return { url: new URL('./parse-worker.ts', import.meta.url), execArgv: ['--import', register.href] };
}
