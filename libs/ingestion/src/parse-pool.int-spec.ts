import { readFileSync } from 'node:fs';

import { DEFAULT_DOCUMENT_LIMITS } from './document-limits.js';
import { IngestionExceptionCode } from './ingestion.exception.js';
import { SEED_DOCUMENT_URL } from './index.js';
import { toParseJson } from './parse-json.js';
import { parseDocument } from './parse-document.js';
import { ParsePool } from './parse-pool.js';
import { docxBomb } from './testing/hostile-documents.js';
import { pdfBomb } from './testing/hostile-pdf.js';
import { asyncRefusalOf } from './testing/refusal.js';

const MB = 1024 * 1024;

/** The longest the event loop went without running a 10 ms timer while `work` ran. */
async function longestStall(work: Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  try {
    await work.catch(() => undefined);
  } finally {
    clearInterval(timer);
  }
  return longest;
}

describe('reading documents in worker threads', () => {
  let pool: ParsePool;
  afterEach(async () => pool?.close());

  it('reads the seed document exactly as the calling thread does', async () => {
    pool = new ParsePool({ threads: 1 });
    const data = new Uint8Array(readFileSync(SEED_DOCUMENT_URL));
    const input = { fileName: 'kon-tum-410-BC-TU-2019.txt', data };
    expect(toParseJson(await pool.parse(input))).toEqual(toParseJson(await parseDocument(input)));
  });

  it('refuses a zip bomb naming the limit, and a second read on the same thread still works', async () => {
    pool = new ParsePool({ threads: 1 });
    const error = await asyncRefusalOf(pool.parse({ fileName: 'bomb.docx', data: docxBomb(100 * MB) }));
    expect(error.code).toBe(IngestionExceptionCode.TOO_LARGE);
    expect(error.limit).toMatchObject({ name: 'maxEntryBytes', limit: 20 * MB });
    const outline = await pool.parse({ text: readFileSync(SEED_DOCUMENT_URL, 'utf8') });
    expect(outline.header.number).toBe('410-BC/TU');
  });

  it('stops a read past its time budget with TIMEOUT, then serves the next read', async () => {
    // 15 MB of XML is within the limits but takes mammoth seconds: past a 1 s budget. (The
    // budget also covers the next read, the seed on a fresh thread: 300 ms was too tight for
    // it on two loaded cores.)
    pool = new ParsePool({ threads: 1, timeoutMs: 1_000 });
    const started = performance.now();
    const error = await asyncRefusalOf(pool.parse({ fileName: 'slow.docx', data: docxBomb(15 * MB) }));
    expect(error.code).toBe(IngestionExceptionCode.TIMEOUT);
    expect(error.limit).toMatchObject({ name: 'seconds', limit: 1 });
    expect(performance.now() - started).toBeLessThan(3_000);
    const outline = await pool.parse({ text: readFileSync(SEED_DOCUMENT_URL, 'utf8') });
    expect(outline.tasks.length).toBeGreaterThan(0);
  });

  it('keeps the event loop free while a heavy document is read', async () => {
    pool = new ParsePool({ threads: 1, timeoutMs: 60_000 });
    const stall = await longestStall(pool.parse({ fileName: 'heavy.docx', data: docxBomb(4 * MB) }));
    // Read inline, the same document holds the thread for seconds.
    expect(stall).toBeLessThan(500);
  });

  it('refuses a read that needs more heap than a thread has', async () => {
    pool = new ParsePool({
      threads: 1,
      timeoutMs: 60_000,
      maxHeapMb: 64,
      limits: { ...DEFAULT_DOCUMENT_LIMITS, maxEntryBytes: 50 * MB },
    });
    const error = await asyncRefusalOf(pool.parse({ fileName: 'heavy.docx', data: docxBomb(40 * MB) }));
    expect(error.code).toBe(IngestionExceptionCode.TOO_LARGE);
    expect(error.limit).toMatchObject({ name: 'heapMb', limit: 64 });
  });

  it('refuses a read whose memory outside the heap grows past the budget (a .pdf stream bomb)', async () => {
    // pdf.js inflates the stream into typed arrays, which the thread's heap limit does not
    // count: the pool watches the process's RSS instead.
    pool = new ParsePool({ threads: 1, timeoutMs: 60_000, maxHeapMb: 100 });
    const bomb = await pdfBomb(400 * MB);
    expect(bomb.byteLength).toBeLessThan(3 * MB);
    const error = await asyncRefusalOf(pool.parse({ fileName: 'bom.pdf', data: bomb }));
    expect(error.code).toBe(IngestionExceptionCode.TOO_LARGE);
    expect(error.limit).toMatchObject({ name: 'heapMb', limit: 100 });
  });

  it('refuses at once when every thread is busy and the queue is full', async () => {
    pool = new ParsePool({ threads: 1, maxQueued: 1 });
    const text = readFileSync(SEED_DOCUMENT_URL, 'utf8');
    const first = pool.parse({ text });
    const second = pool.parse({ text });
    const third = await asyncRefusalOf(pool.parse({ text }));
    expect(third.code).toBe(IngestionExceptionCode.BUSY);
    await Promise.all([first, second]);
  });
});
