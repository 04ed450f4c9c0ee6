import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';

import { type DomainEvent } from '@dondoc/assignments';
import { EXPORT_REQUESTED, ExportGenerator } from '@dondoc/exports';
import { markOutboxHandled, QueueName } from '@dondoc/platform';

/**
 * Makes the files people ask for. One at a time per worker (the queue's default): a large
 * tracking table takes seconds of CPU, and the other queues must keep moving meanwhile.
 * Idempotent through the export row's status (see ExportGenerator).
 */
@Processor(QueueName.Exports)
export class ExportsProcessor extends WorkerHost {
  private readonly logger = new Logger(ExportsProcessor.name);

  constructor(
    private readonly generator: ExportGenerator,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  async process(job: Job<DomainEvent>): Promise<string | null> {
    if (job.data.topic !== EXPORT_REQUESTED) {
      throw new Error(`The exports queue has no handler for "${job.data.topic}"`);
    }
    const started = Date.now();
    const status = await this.generator.generate(job.data.subject);
    await markOutboxHandled(this.dataSource, job.data.outboxId);
    this.logger.log(`export ${job.data.subject}: ${status ?? 'not found'} in ${Date.now() - started} ms`);
    return status;
  }
}
