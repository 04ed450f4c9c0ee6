import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';

import { AppConfig, redisOptionsFromUrl } from '@dondoc/platform';

/**
 * BullMQ keeps jobs, schedulers and locks in Redis as ordinary keys: a Redis that evicts keys
 * when its memory is full drops work silently. So the worker says once at start when
 * `maxmemory-policy` is not `noeviction`. Managed Redis services often refuse CONFIG: then
 * INFO is asked, and if that is refused too it is said at debug level only (nothing is wrong).
 */
@Injectable()
export class RedisEvictionCheck implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RedisEvictionCheck.name);
  private client: Redis | null = null;

  constructor(private readonly config: AppConfig) {}

  /** Not awaited: the start does not wait for this; the answer comes once Redis does. */
  onApplicationBootstrap(): void {
    const client = new Redis({
      ...redisOptionsFromUrl(this.config.redisUrl),
      lazyConnect: true,
      maxRetriesPerRequest: null,
      retryStrategy: (attempt) => Math.min(attempt * 500, 10_000),
    });
    this.client = client;
    // Connection errors are reported by the queues' own log (QueueErrorLog): not twice.
    client.on('error', () => undefined);
    client.once('ready', () => {
      void this.check(client).finally(() => this.close());
    });
    client.connect().catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.close();
  }

  private async check(client: Redis): Promise<void> {
    const policy = await this.policyOf(client);
    if (policy === null || policy === 'noeviction') {
      this.logger.debug(`Redis maxmemory-policy: ${policy ?? 'not known'}`);
      return;
    }
    this.logger.warn(
      `Redis maxmemory-policy is ${policy}, not noeviction: when its memory is full Redis deletes keys, ` +
        'and queued jobs, job schedulers and locks can be lost without a trace. Set maxmemory-policy noeviction.',
    );
  }

  /** CONFIG GET; where CONFIG is refused, INFO memory often still tells. Null: not known. */
  private async policyOf(client: Redis): Promise<string | null> {
    try {
      const answer = (await client.config('GET', 'maxmemory-policy')) as string[];
      if (answer[1]) return answer[1];
    } catch (error) {
      this.logger.debug(`Redis refused CONFIG GET maxmemory-policy (${(error as Error).message})`);
    }
    try {
      const info = await client.info('memory');
      return /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? null;
    } catch (error) {
      this.logger.debug(
        `Redis refused INFO memory too (${(error as Error).message}): its eviction policy is not checked`,
      );
      return null;
    }
  }

  private close(): void {
    this.client?.disconnect();
    this.client = null;
  }
}
