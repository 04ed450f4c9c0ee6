import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';

import { compactTallies } from '@dondoc/assignments';
import { AuditKey, anchorAuditChain } from '@dondoc/audit';
import { SignInRecordsPruner } from '@dondoc/identity';
import { AppConfig, Clock, QueueName, RedisStatus, SystemJob } from '@dondoc/platform';

/**
 * The worker's pulse: a heartbeat job that stamps Redis, so the API can tell whether
 * background work is being done at all. The same queue's housekeeping: pruning old sign-in
 * records, hourly, and the daily audit anchor: the head of the chain appended to
 * AUDIT_ANCHOR_FILE, outside the database (idempotent: a head already anchored is not
 * written twice). Their schedules are schedules/job-schedules.ts.
 */
@Processor(QueueName.System)
export class HeartbeatProcessor extends WorkerHost {
  private readonly logger = new Logger(HeartbeatProcessor.name);

  constructor(
    private readonly clock: Clock,
    private readonly redis: RedisStatus,
    private readonly signInRecords: SignInRecordsPruner,
    private readonly dataSource: DataSource,
    private readonly auditKey: AuditKey,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as SystemJob) {
      case SystemJob.Heartbeat: {
        const at = this.clock.now();
        await this.redis.recordHeartbeat(at);
        this.logger.debug(`heartbeat ${job.id} at ${at.toISOString()}`);
        return at.toISOString();
      }
      case SystemJob.PruneSignInRecords: {
        const started = Date.now();
        const pruned = await this.signInRecords.prune();
        this.logger.log(
          `prune-sign-in-records ${job.id} in ${Date.now() - started} ms: ${JSON.stringify(pruned)}`,
        );
        return pruned;
      }
      case SystemJob.CompactDashboardTallies: {
        const started = Date.now();
        const compacted = await compactTallies(this.dataSource);
        this.logger.log(
          `compact-dashboard-tallies ${job.id} in ${Date.now() - started} ms: ${JSON.stringify(compacted)}`,
        );
        return compacted;
      }
      case SystemJob.AuditAnchor: {
        const file = this.config.auditAnchorFile;
        const outcome = await anchorAuditChain(this.dataSource, this.auditKey, file, this.clock.now());
        const broken = outcome.report.firstBroken;
        if (broken !== null) {
          // A failed job, logged with its reason: a broken trail is not anchored.
          throw new Error(`audit trail broken at event #${broken.id}: ${broken.reason}`);
        }
        this.logger.log(
          `audit anchor ${job.id}: ${outcome.anchor === null ? 'empty trail' : `event #${outcome.anchor.lastId}`}` +
            `${outcome.written ? ' written' : ' already anchored'} to ${file}`,
        );
        return outcome.anchor;
      }
      default:
        throw new Error(`The system queue has no handler for job "${job.name}"`);
    }
  }
}
