import type { BenchDataSummary } from './load-bench-data.js';

/** The summary as a small table for the terminal. */
export function printSummary(summary: BenchDataSummary): string {
  const rows: [string, string][] = [
    ['database', summary.database],
    ['scale / seed / today', `${summary.scale} / ${summary.seed} / ${summary.today}`],
    ...Object.entries(summary.counts).map(([table, n]): [string, string] => [
      table,
      n.toLocaleString('en-US'),
    ]),
    ...Object.entries(summary.byTimeliness).map(([t, n]): [string, string] => [
      `  ${t}`,
      n.toLocaleString('en-US'),
    ]),
    ['open work overdue', `${(summary.openOverdueShare * 100).toFixed(1)} %`],
    ...Object.entries(summary.seconds).map(([phase, s]): [string, string] => [
      `time: ${phase}`,
      `${s.toFixed(1)} s`,
    ]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n')}\n`;
}
