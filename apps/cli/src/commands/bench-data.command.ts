import { Command, CommandRunner, Option } from 'nest-commander';

import { calendarDayOf, isCalendarDay } from '@dondoc/platform';

import { BENCH_SCALES, benchScale } from '../bench-data/bench-scale.js';
import { benchDatabaseUrl } from '../bench-data/bench-database-url.js';
import { loadBenchData } from '../bench-data/load-bench-data.js';
import { printSummary } from '../bench-data/print-summary.js';

interface BenchDataOptions {
  scale?: string;
  database?: string;
  seed?: number;
  today?: string;
  json?: boolean;
}

/**
 * `npm run cli -- bench-data --scale province|nation [--database URL] [--seed N]`: builds
 * the data sets of QUALITY.md in a database of their own (default `dondoc_bench_<scale>` on
 * the server of DATABASE_URL, or the machine's PostgreSQL), with COPY. A progress bar on
 * stderr, a summary table on stdout (`--json`: the summary as JSON).
 */
@Command({
  name: 'bench-data',
  description: 'Build a benchmark data set (tiny, peer, province, nation) in a database of its own',
})
export class BenchDataCommand extends CommandRunner {
  async run(_: string[], options: BenchDataOptions): Promise<void> {
    try {
      const scale = benchScale(options.scale ?? 'province');
      const url = options.database ?? benchDatabaseUrl(process.env, scale.name);
      const summary = await loadBenchData({
        url,
        scale,
        seed: options.seed ?? 1,
        today: options.today ?? calendarDayOf(new Date()),
      });
      process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : printSummary(summary));
    } catch (error) {
      // nest-commander would print a thrown error without a newline and exit 0.
      process.stderr.write(`bench-data: ${(error as Error).message.split('\n')[0]}\n`);
      process.exitCode = 1;
    }
  }

  @Option({ flags: '--scale <scale>', description: `One of ${Object.keys(BENCH_SCALES).join(', ')}` })
  parseScale(scale: string): string {
    return benchScale(scale).name;
  }

  @Option({ flags: '--database <url>', description: 'The database to create or recreate' })
  parseDatabase(url: string): string {
    return url;
  }

  @Option({ flags: '--seed <n>', description: 'Seed of the generator (default 1): same seed, same data' })
  parseSeed(seed: string): number {
    const n = Number(seed);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--seed takes a whole number, not "${seed}"`);
    return n;
  }

  @Option({ flags: '--today <day>', description: 'The day due dates spread around (default: today)' })
  parseToday(day: string): string {
    if (!isCalendarDay(day)) throw new Error(`--today takes a day as YYYY-MM-DD, not "${day}"`);
    return day;
  }

  @Option({ flags: '--json', description: 'Print the summary as JSON' })
  parseJson(): boolean {
    return true;
  }
}
