import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

import { RedisStatus } from '../queues/redis-status.js';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly redis: RedisStatus,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /** Degraded, not down: without Redis the API still serves; only background work waits. */
  async check(key: string) {
    const session = this.indicators.check(key);
    return (await this.redis.ping())
      ? session.up()
      : session.degraded({ message: 'Redis does not answer: background work waits until it is back' });
  }

  /** Degraded when no worker has reported lately: reminders and e-mail are not being sent. */
  async checkWorker(key: string) {
    const session = this.indicators.check(key);
    const last = await this.redis.lastHeartbeat();
    return last
      ? session.up({ lastHeartbeat: last.toISOString() })
      : session.degraded({
          message: 'No worker has reported in the last two minutes: start one (npm run start:worker)',
        });
  }
}
