import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';

import { FollowUpModule } from '@dondoc/assignments';
import { AuditModule } from '@dondoc/audit';
import { ExportsModule } from '@dondoc/exports';
import { SignInRecordsModule } from '@dondoc/identity';
import {
  AppConfig,
  AppConfigModule,
  ClockModule,
  DatabaseModule,
  HealthModule,
  LoggingModule,
  MetricsModule,
  QueueName,
  redisOptionsFromUrl,
} from '@dondoc/platform';

import { ExportsProcessor } from './exports/exports.processor.js';
import { FollowUpProcessor } from './follow-up/follow-up.processor.js';
import { JobMetricsWatcher } from './operations/job-metrics.watcher.js';
import { QueueErrorLog } from './operations/queue-error-log.js';
import { RedisEvictionCheck } from './operations/redis-eviction-check.js';
import { EventsProcessor } from './outbox/events.processor.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { ScheduleKeeper } from './schedules/schedule-keeper.js';
import { HeartbeatProcessor } from './system/heartbeat.processor.js';

/**
 * The job face: BullMQ processors and job schedulers, no resolvers; its own small HTTP server
 * answers /health, /health/ready and /metrics (queue depths, job durations and outcomes).
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule.forRoot(config.logLevel, 'worker'),
        MetricsModule.forRoot('worker'),
        ClockModule.forRoot(),
        DatabaseModule.forRoot({ applicationName: 'dondoc-worker', poolSize: 5, budget: 'background' }),
        // Also provides RedisStatus, shared by the readiness check and the heartbeat.
        HealthModule,
        DiscoveryModule,
        BullModule.forRoot({
          // Workers block on Redis: never give up a command, reconnect for as long as it takes.
          connection: { ...redisOptionsFromUrl(config.redisUrl), maxRetriesPerRequest: null },
          prefix: config.queuePrefix,
        }),
        BullModule.registerQueue(
          { name: QueueName.System },
          { name: QueueName.Events },
          { name: QueueName.FollowUp },
          { name: QueueName.Exports },
        ),
        FollowUpModule,
        ExportsModule,
        SignInRecordsModule,
        AuditModule,
      ],
      providers: [
        HeartbeatProcessor,
        OutboxRelay,
        EventsProcessor,
        FollowUpProcessor,
        ExportsProcessor,
        JobMetricsWatcher,
        QueueErrorLog,
        ScheduleKeeper,
        RedisEvictionCheck,
      ],
    };
  }
}
