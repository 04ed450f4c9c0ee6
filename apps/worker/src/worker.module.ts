import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';

import { FollowUpModule } from '@dondoc/assignments';
import {
  AppConfig,
  AppConfigModule,
  ClockModule,
  DatabaseModule,
  LoggingModule,
  QueueName,
  RedisStatus,
} from '@dondoc/platform';

import { FollowUpProcessor } from './follow-up/follow-up.processor.js';
import { EventsProcessor } from './outbox/events.processor.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { HeartbeatProcessor } from './system/heartbeat.processor.js';

/** The job face: BullMQ processors and job schedulers, no resolvers. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule.forRoot(config.logLevel, 'worker'),
        ClockModule.forRoot(),
        DatabaseModule.forRoot({ applicationName: 'dondoc-worker', poolSize: 5 }),
        BullModule.forRoot({
          // Workers block on Redis: never give up a command, reconnect for as long as it takes.
          connection: { url: config.redisUrl, maxRetriesPerRequest: null },
          prefix: 'dondoc',
        }),
        BullModule.registerQueue(
          { name: QueueName.System },
          { name: QueueName.Events },
          { name: QueueName.FollowUp },
        ),
        FollowUpModule,
      ],
      providers: [RedisStatus, HeartbeatProcessor, OutboxRelay, EventsProcessor, FollowUpProcessor],
    };
  }
}
