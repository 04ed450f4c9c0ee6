import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';

import { DEFAULT_WARNING_DAYS, FollowUpService } from '@dondoc/assignments';
import { Mailer } from '@dondoc/notifications';
import { AppConfig, calendarDayOf, Clock, QueueName } from '@dondoc/platform';

import { FollowUpJob } from './follow-up-jobs.js';

const MAIL_BATCH = 100;

/**
 * The jobs of the follow-up: the sweep (transitions, reminders, escalation) as of today, and
 * sending the e-mail of new notifications. Their schedules are schedules/job-schedules.ts.
 */
@Processor(QueueName.FollowUp)
export class FollowUpProcessor extends WorkerHost {
  private readonly logger = new Logger(FollowUpProcessor.name);

  constructor(
    private readonly followUp: FollowUpService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const started = Date.now();
    switch (job.name as FollowUpJob) {
      case FollowUpJob.Sweep: {
        const summary = await this.followUp.sweep(calendarDayOf(this.clock.now()), {
          warningDays: DEFAULT_WARNING_DAYS,
          reminderDays: this.config.reminderDays,
          escalationDays: this.config.escalationDays,
        });
        this.logger.log(`sweep ${job.id} in ${Date.now() - started} ms`);
        return summary;
      }
      case FollowUpJob.SendMail: {
        return this.mailer.sendDue(MAIL_BATCH);
      }
      default:
        throw new Error(`The follow-up queue has no handler for job "${job.name}"`);
    }
  }
}
