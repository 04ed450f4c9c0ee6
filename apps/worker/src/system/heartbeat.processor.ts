import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';

import { Clock, HEARTBEAT_EVERY_MS, QueueName, RedisStatus, SystemJob } from '@dondoc/platform';

/**
 * The worker's pulse: a job scheduler (one definition, safe to register from every copy
 * of the worker) runs a heartbeat job that stamps Redis, so the API can tell whether
 * background work is being done at all.
 */
@Processor(QueueName.System)
export class HeartbeatProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(HeartbeatProcessor.name);

  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue,
    private readonly clock: Clock,
    private readonly redis: RedisStatus,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SystemJob.Heartbeat,
      { every: HEARTBEAT_EVERY_MS },
      { name: SystemJob.Heartbeat, data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
  }

  async process(job: Job): Promise<string> {
    switch (job.name as SystemJob) {
      case SystemJob.Heartbeat: {
        const at = this.clock.now();
        await this.redis.recordHeartbeat(at);
        this.logger.debug(`heartbeat ${job.id} at ${at.toISOString()}`);
        return at.toISOString();
      }
      default:
        throw new Error(`The system queue has no handler for job "${job.name}"`);
    }
  }
}
