// The benchmarks that already exist as scripts of their own, run as child processes; their
// figure is read from what they print.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function script(file, env) {
  const { stdout } = await run(process.execPath, [file], {
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
    timeout: 30 * 60 * 1000,
  });
  return stdout;
}

/** `scripts/bench-fanout.mjs`: assignTask to 25,000 bodies through the API (median of RUNS). */
export async function fanout(runs) {
  const out = await script('scripts/bench-fanout.mjs', { RUNS: String(runs) });
  const match = /median ([\d.]+) s over (\d+) runs/.exec(out);
  if (!match) throw new Error(`bench-fanout printed no median: ${out.slice(-500)}`);
  return { seconds: Number(match[1]), runs: Number(match[2]), detail: out.trim().split('\n').at(-1) };
}

/** `scripts/bench-transitions.mjs`: 100,000 assignments overdue at once, every notification written after. */
export async function transitions() {
  const out = await script('scripts/bench-transitions.mjs', {});
  const match = /written ([\d.]+) s after the sweep started/.exec(out);
  const duplicates = /"duplicates":(\d+)/.exec(out);
  if (!match) throw new Error(`bench-transitions printed no time: ${out.slice(-500)}`);
  return {
    seconds: Number(match[1]),
    duplicates: duplicates ? Number(duplicates[1]) : null,
    detail: out.trim().split('\n').at(-1),
  };
}
