import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';

import { RedisStatus } from '../queues/redis-status.js';
import { HealthController } from './health.controller.js';
import { RedisHealthIndicator } from './redis.health.js';

/** `/health` and `/health/ready`, for the API and the worker alike. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' })],
  controllers: [HealthController],
  providers: [RedisStatus, RedisHealthIndicator],
  exports: [RedisStatus],
})
export class HealthModule {}
