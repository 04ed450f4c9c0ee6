// `npm run bench:hostile`: what a hostile .docx (a few hundred KB holding 100 MB of XML)
// costs before it is refused, read the way the API reads it (ParsePool, a worker thread):
// time to the refusal (median of RUNS), the process's peak RSS, and the longest stall of
// the event loop meanwhile; then a .pdf whose content stream inflates to three times as much. `-- --inline` also reads it on the calling thread (no pool);
// `-- --within-limits` reads 2 and 4 MB of XML, which the limits accept, for comparison.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { ParsePool, readDocument } from '../dist/libs/ingestion/src/index.js';
import { docxBomb } from '../dist/libs/ingestion/src/testing/hostile-documents.js';
import { pdfBomb } from '../dist/libs/ingestion/src/testing/hostile-pdf.js';

const MB = 1024 * 1024;
const runs = Number(process.env.RUNS ?? 5);
const inflated = Number(process.env.INFLATED_MB ?? 100) * MB;
const file = join(process.cwd(), '.data', 'bench', `hostile-${inflated / MB}mb.docx`);
const pdfFile = join(process.cwd(), '.data', 'bench', `hostile-${inflated / MB}mb.pdf`);

if (process.argv[2] === '--write') {
  mkdirSync(join(process.cwd(), '.data', 'bench'), { recursive: true });
  writeFileSync(file, docxBomb(inflated));
  writeFileSync(pdfFile, await pdfBomb(inflated * 3));
  process.exit(0);
}
// Made in a child process: building 100 MB of XML here would be this process's peak RSS.
execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--write'], { stdio: 'inherit' });
const bomb = new Uint8Array(readFileSync(file));
const mb = (bytes) => (bytes / MB).toFixed(1);
const baselineRss = process.memoryUsage().rss;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs `work`, timing it and the longest gap between 10 ms timer ticks meanwhile. */
async function measure(work) {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  let outcome;
  try {
    const outline = await work();
    outcome = `read: ${outline.text.length.toLocaleString('en-US')} characters`;
  } catch (error) {
    outcome = `${error.code}: ${error.message}`;
  }
  const ms = performance.now() - started;
  clearInterval(timer);
  return { ms, stall: Math.max(stall, performance.now() - last), outcome };
}

console.log(
  `hostile .docx: ${(bomb.byteLength / 1024).toFixed(0)} KB on the wire, ${mb(inflated)} MB of XML inside`,
);

const pdf = new Uint8Array(readFileSync(pdfFile));
const pool = new ParsePool({ threads: 1 });
// The first read also starts the thread (loading mammoth and pdf.js): reported apart.
const cold = await measure(() => pool.parse({ fileName: 'bomb.docx', data: bomb }));
const warm = [];
for (let i = 0; i < runs; i++)
  warm.push(await measure(() => pool.parse({ fileName: 'bomb.docx', data: bomb })));
console.log(`refused with ${warm[0].outcome}`);
console.log(
  `through the pool: ${median(warm.map((r) => r.ms)).toFixed(0)} ms median of ${runs} (first read, thread start included: ${cold.ms.toFixed(0)} ms); ` +
    `longest event-loop stall ${Math.max(cold.stall, ...warm.map((r) => r.stall)).toFixed(0)} ms`,
);
console.log(
  `peak RSS of the process: ${mb(process.resourceUsage().maxRSS * 1024)} MB (before: ${mb(baselineRss)} MB)`,
);
const pdfRead = await measure(() => pool.parse({ fileName: 'bomb.pdf', data: pdf }));
await pool.close();
console.log(
  `a ${(pdf.byteLength / 1024).toFixed(0)} KB .pdf whose content stream inflates to ${mb(inflated * 3)} MB: ${pdfRead.ms.toFixed(0)} ms, ${pdfRead.outcome}; ` +
    `peak RSS now ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
);

if (process.argv.includes('--inline')) {
  const inline = await measure(() => readDocument({ fileName: 'bomb.docx', data: bomb }));
  console.log(
    `on the calling thread (no pool): ${inline.ms.toFixed(0)} ms, event loop stalled ${inline.stall.toFixed(0)} ms`,
  );
}

if (process.argv.includes('--within-limits')) {
  // What the limits still accept costs more than what they refuse: XML that mammoth reads
  // in full. A budget of 120 s here so the figure is the read itself, not the timeout.
  const accepting = new ParsePool({ threads: 1, timeoutMs: 120_000 });
  for (const size of [2, 4]) {
    const data = docxBomb(size * MB);
    const read = await measure(() => accepting.parse({ fileName: 'lon.docx', data }));
    console.log(
      `within the limits, ${size} MB of XML: ${read.ms.toFixed(0)} ms (${read.outcome}), event loop stalled ${read.stall.toFixed(0)} ms, peak RSS now ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
    );
  }
  await accepting.close();
}
