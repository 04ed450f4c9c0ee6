import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';

import { QueueName } from '@dondoc/platform';

/** The two commands asked, on whichever client BullMQ connected with (ioredis here). */
interface RedisClient {
  config(command: 'GET', name: string): Promise<unknown>;
  info(section: string): Promise<string>;
}

/**
 * BullMQ keeps jobs, schedulers and locks in Redis as ordinary keys: a Redis that evicts keys
 * when its memory is full drops work silently. So the worker says once at start, in its own
 * log, when `maxmemory-policy` is not `noeviction`. It asks on a queue's own connection.
 * Managed Redis services often refuse CONFIG: then INFO is asked, and if that is refused too it
 * is said at debug level only (nothing is wrong).
 */
@Injectable()
export class RedisEvictionCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(RedisEvictionCheck.name);

  constructor(@InjectQueue(QueueName.System) private readonly queue: Queue) {}

  /** Not awaited: the start does not wait for this; the answer comes once Redis does. */
  onApplicationBootstrap(): void {
    void this.queue
      .getBackend()
      .client.then((client) => this.check(client as unknown as RedisClient))
      .catch((error: unknown) => this.logger.debug(`Redis eviction policy not checked: ${String(error)}`));
  }

  private async check(client: RedisClient): Promise<void> {
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
  private async policyOf(client: RedisClient): Promise<string | null> {
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
}
