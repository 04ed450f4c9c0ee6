import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseText } from '../src/parse-text.js';
import { generateDocument } from '../src/testing/generate-document.js';

export interface ParseBenchResult {
  seedMs: number;
  oneMbMs: number;
  seedChars: number;
  oneMbChars: number;
  runs: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(text: string, runs: number): number {
  for (let i = 0; i < 3; i++) parseText(text); // warm-up: let the JIT settle
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    parseText(text);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** Median parse times of the seed document (target ≤ 20 ms) and of a generated ~1 MB document (≤ 500 ms). */
export async function runParseBench(
  options: { runs?: number; print?: boolean } = {},
): Promise<ParseBenchResult> {
  const runs = options.runs ?? 15;
  const seed = readFileSync(
    new URL('../test-documents/seed/kon-tum-410-BC-TU-2019.txt', import.meta.url),
    'utf8',
  );
  const big = generateDocument({ size: 1024 * 1024, seed: 7, footnotes: true });
  const result: ParseBenchResult = {
    seedMs: time(seed, runs * 2),
    oneMbMs: time(big, runs),
    seedChars: seed.length,
    oneMbChars: big.length,
    runs,
  };
  if (options.print !== false) {
    console.log(
      `parse seed (${result.seedChars} chars): median ${result.seedMs.toFixed(2)} ms (target ≤ 20 ms)`,
    );
    console.log(
      `parse generated 1 MB (${result.oneMbChars} chars): median ${result.oneMbMs.toFixed(1)} ms (target ≤ 500 ms)`,
    );
  }
  return result;
}
