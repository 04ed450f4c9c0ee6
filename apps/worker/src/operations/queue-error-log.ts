import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';

import { processorWorkers, productQueues } from './bullmq-instances.js';

/** The same error is logged at most once in this long. */
const REPEAT_AFTER_MS = 60_000;

/**
 * BullMQ reports every failed reconnection of every queue and worker as an `error` event, and
 * prints each one with its stack when nobody listens: with Redis away, hundreds of lines a
 * minute. Listening here turns them into one warning per distinct message and minute; the
 * workers keep reconnecting on their own and pick up work when Redis is back.
 */
@Injectable()
export class QueueErrorLog implements OnModuleInit {
  private readonly logger = new Logger(QueueErrorLog.name);
  private readonly lastLogged = new Map<string, number>();

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
  ) {}

  onModuleInit(): void {
    for (const queue of productQueues(this.moduleRef)) {
      queue.on('error', (error) => this.log(`queue ${queue.name}`, error));
    }
    for (const worker of processorWorkers(this.discovery)) {
      worker.on('error', (error) => this.log(`worker of ${worker.name}`, error));
    }
  }

  private log(source: string, error: Error): void {
    const now = Date.now();
    const last = this.lastLogged.get(error.message);
    if (last !== undefined && now - last < REPEAT_AFTER_MS) return;
    this.lastLogged.set(error.message, now);
    this.logger.warn(`${source}: ${error.message} (BullMQ keeps retrying; repeats muted for a minute)`);
  }
}
