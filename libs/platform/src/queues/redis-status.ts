import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

import { AppConfig } from '../config/app-config.js';
import { redactUrl, redisOptionsFromUrl } from './redis-connection.js';
import { HEARTBEAT_EVERY_MS, WORKER_HEARTBEAT_KEY } from './system-jobs.js';

/**
 * Watches whether Redis answers. The API keeps serving without it (writes go to the
 * outbox table and wait), so a missing Redis is one clear warning, not a crash or a
 * flood of connection errors.
 */
@Injectable()
export class RedisStatus implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisStatus.name);
  private readonly client: Redis;
  private reachable: boolean | null = null;

  constructor(config: AppConfig) {
    this.client = new Redis({
      ...redisOptionsFromUrl(config.redisUrl),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 2_000,
      // Keep trying in the background, at most every 10 s, so Redis coming back is noticed.
      retryStrategy: (attempt) => Math.min(attempt * 500, 10_000),
    });
    this.client.on('ready', () => this.record(true, config.redisUrl));
    this.client.on('error', () => this.record(false, config.redisUrl));
    this.client.connect().catch(() => this.record(false, config.redisUrl));
  }

  /** Pings Redis; false when it does not answer within a second. */
  async ping(): Promise<boolean> {
    try {
      const answer = await Promise.race([
        this.client.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1_000)),
      ]);
      this.record(answer === 'PONG', null);
      return answer === 'PONG';
    } catch {
      this.record(false, null);
      return false;
    }
  }

  /** The worker stamps its heartbeat; it expires when no worker has run for a while. */
  async recordHeartbeat(at: Date): Promise<void> {
    await this.client.set(WORKER_HEARTBEAT_KEY, at.toISOString(), 'PX', HEARTBEAT_EVERY_MS * 4);
  }

  /** When a worker last reported, or null when none has within four heartbeats. */
  async lastHeartbeat(): Promise<Date | null> {
    try {
      const value = await this.client.get(WORKER_HEARTBEAT_KEY);
      return value === null ? null : new Date(value);
    } catch {
      return null;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }

  private record(reachable: boolean, url: string | null): void {
    if (reachable === this.reachable) return;
    const first = this.reachable === null;
    this.reachable = reachable;
    const where = url ? ` at ${redactUrl(url)}` : '';
    if (!reachable) {
      this.logger.warn(
        `Redis does not answer${where}: the API keeps serving, background work (reminders, e-mail, exports) waits until Redis is back`,
      );
    } else if (!first) {
      this.logger.log(`Redis answers again${where}: background work resumes`);
    }
  }
}
