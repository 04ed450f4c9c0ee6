import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';

import { DEFAULT_WARNING_DAYS, FollowUpService } from '@dondoc/assignments';
import { Mailer } from '@dondoc/notifications';
import { AppConfig, calendarDayOf, Clock, QueueName } from '@dondoc/platform';

export enum FollowUpJob {
  Sweep = 'sweep',
  SendMail = 'send-mail',
}

const MAIL_EVERY_MS = 30_000;
const MAIL_BATCH = 100;

/**
 * The schedules of the follow-up: the sweep (transitions, reminders, escalation) as of
 * today, and sending the e-mail of new notifications. Job schedulers are one definition
 * each, so every copy of the worker may register them.
 */
@Processor(QueueName.FollowUp)
export class FollowUpProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(FollowUpProcessor.name);

  constructor(
    @InjectQueue(QueueName.FollowUp) private readonly queue: Queue,
    private readonly followUp: FollowUpService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const opts = { removeOnComplete: 50, removeOnFail: 200 };
    await this.queue.upsertJobScheduler(
      FollowUpJob.Sweep,
      { every: this.config.followUpEveryMinutes * 60_000 },
      { name: FollowUpJob.Sweep, opts },
    );
    await this.queue.upsertJobScheduler(
      FollowUpJob.SendMail,
      { every: MAIL_EVERY_MS },
      { name: FollowUpJob.SendMail, opts },
    );
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
