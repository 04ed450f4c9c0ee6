import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';

import { type DomainEvent, EventNotifier } from '@dondoc/assignments';
import { Mailer } from '@dondoc/notifications';
import { AppConfig, markOutboxHandled, QueueName } from '@dondoc/platform';

/** Domain events from the outbox: who must hear of a change is told (once, whatever the retries). */
@Processor(QueueName.Events)
export class EventsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventsProcessor.name);

  constructor(
    private readonly notifier: EventNotifier,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.workerConcurrency;
  }

  async process(job: Job<DomainEvent>): Promise<number> {
    const started = Date.now();
    const created = await this.notifier.handle(job.data);
    await markOutboxHandled(this.dataSource, job.data.outboxId);
    this.logger.debug(`${job.name} ${job.id}: ${created} notification(s) in ${Date.now() - started} ms`);
    // Their e-mail goes out now rather than at the next scheduled send (sending is idempotent).
    if (created > 0) await this.mailer.sendPending();
    return created;
  }
}
