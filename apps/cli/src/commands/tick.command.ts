import { Command, CommandRunner, Option } from 'nest-commander';

import { DEFAULT_WARNING_DAYS, FollowUpService } from '@dondoc/assignments';
import { Mailer } from '@dondoc/notifications';
import { AppConfig, calendarDayOf, isCalendarDay } from '@dondoc/platform';

interface TickOptions {
  at?: string;
}

/**
 * `npm run cli -- tick --at 2027-01-15`: runs the follow-up schedules (the sweep of
 * transitions, reminders and escalation, report requests and reminders, and the cut-off
 * snapshots, the inspections' follow-up dates; then the e-mail) as of that day against the current database, so a demo or
 * a test can show what happens when deadlines pass.
 */
@Command({ name: 'tick', description: 'Run the follow-up schedules as of a day (default: today)' })
export class TickCommand extends CommandRunner {
  constructor(
    private readonly followUp: FollowUpService,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async run(_: string[], options: TickOptions): Promise<void> {
    const today = options.at ?? calendarDayOf(new Date());
    const summary = await this.followUp.sweep(today, {
      warningDays: DEFAULT_WARNING_DAYS,
      reminderDays: this.config.reminderDays,
      escalationDays: this.config.escalationDays,
    });
    const mail = await this.mailer.sendPending(10_000);
    process.stdout.write(
      `As of ${today}: ${summary.overdue} newly overdue, ${summary.dueSoon} due soon, ${summary.reminders} reminder(s), ` +
        `${summary.escalations} escalation(s); ${summary.notifications} notification(s), ${mail.sent} e-mail(s) sent` +
        (mail.failed > 0 ? `, ${mail.failed} failed` : '') +
        `; ${summary.reportRequests} report request(s), ${summary.reportReminders} report reminder(s), ` +
        `${summary.snapshots} assignment(s) frozen at cut-off, ${summary.inspectionFollowUps} inspection follow-up(s).\n`,
    );
  }

  @Option({ flags: '--at <day>', description: 'The day to act as of (YYYY-MM-DD)' })
  parseAt(day: string): string {
    if (!isCalendarDay(day)) throw new Error(`--at takes a day as YYYY-MM-DD, not "${day}"`);
    return day;
  }
}
