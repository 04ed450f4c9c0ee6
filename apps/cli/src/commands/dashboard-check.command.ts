import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';

import { checkTallies, DEFAULT_WARNING_DAYS } from '@dondoc/assignments';
import { calendarDayOf, isCalendarDay } from '@dondoc/platform';

interface CheckOptions {
  at?: string;
}

/**
 * `npm run cli -- dashboard check [--at DAY]`: compares the dashboard's read model (the
 * tallies kept by triggers) with a brute-force count of the assignments, key by key, and
 * the timeliness it gives as of the day with the product's timeliness SQL. Exit 1 on any
 * difference, naming it.
 */
@Command({
  name: 'dashboard',
  arguments: '<action>',
  argsDescription: { action: 'check: compare the dashboard counts with a brute-force count' },
  description: "Check the dashboard's read model",
})
export class DashboardCheckCommand extends CommandRunner {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run([action]: string[], options: CheckOptions): Promise<void> {
    if (action !== 'check') {
      process.stderr.write(`Unknown dashboard action "${action}": the only one is "check".\n`);
      process.exitCode = 1;
      return;
    }
    const today = options.at ?? calendarDayOf(new Date());
    try {
      const result = await checkTallies(this.dataSource, today, DEFAULT_WARNING_DAYS);
      if (result.mismatches.length === 0 && result.timelinessMismatches.length === 0) {
        process.stdout.write(
          `Dashboard counts exact: ${result.assignments} assignments counted as of ${today}.\n`,
        );
        return;
      }
      for (const m of result.mismatches) {
        process.stderr.write(
          `tally ${m.province} ${m.basis} ${m.day}: ${m.tallied} kept, ${m.counted} counted\n`,
        );
      }
      for (const m of result.timelinessMismatches) {
        process.stderr.write(
          `province ${m.province} as of ${today}: kept ${JSON.stringify(m.tallied)}, counted ${JSON.stringify(m.counted)}\n`,
        );
      }
      process.exitCode = 1;
    } catch (error) {
      process.stderr.write(`Cannot check the dashboard: ${(error as Error).message.split('\n')[0]}\n`);
      process.exitCode = 1;
    }
  }

  @Option({ flags: '--at <day>', description: 'The day to derive timeliness as of (YYYY-MM-DD)' })
  parseAt(day: string): string {
    if (!isCalendarDay(day)) throw new Error(`--at takes a day as YYYY-MM-DD, not "${day}"`);
    return day;
  }
}
