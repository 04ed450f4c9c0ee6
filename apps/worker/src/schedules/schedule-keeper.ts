import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';

import { AppConfig } from '@dondoc/platform';

import { type JobSchedule, jobSchedules } from './job-schedules.js';

const PERIODIC = 'periodic check';

/**
 * Keeps the job schedulers in Redis. They live only there: a Redis that restarts empty (no
 * persistence, a failover to a blank replica, a flush) forgets them while the worker stays up.
 * So every copy of the worker registers them at start, again whenever a queue's connection
 * becomes ready after a reconnect, and on a slow timer (SCHEDULE_CHECK_EVERY_MS) for a flush
 * that no reconnect announces.
 *
 * Registering is `upsertJobScheduler`, idempotent: a second registration of the same
 * definition, from this worker or another, replaces the pending next job with one for the same
 * time, so no iteration is doubled. The checks after start register only what is missing, so a
 * healthy Redis is not written to every few seconds.
 */
@Injectable()
export class ScheduleKeeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ScheduleKeeper.name);
  private readonly schedules: JobSchedule[];
  private readonly queues = new Map<string, Queue>();
  private readonly unsubscribe: (() => void)[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /**
   * Why to check again once the running check ends: a reconnect came meanwhile, and the
   * running check may have read the Redis from before it.
   */
  private checkAgain: string | null = null;
  private failing = false;
  private stopped = false;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly config: AppConfig,
  ) {
    this.schedules = jobSchedules(config);
  }

  /** At start, every definition as this version has it; the start waits until Redis answers. */
  async onApplicationBootstrap(): Promise<void> {
    for (const schedule of this.schedules) {
      await this.register(schedule);
    }
    for (const queue of new Set(this.schedules.map((schedule) => this.queueOf(schedule)))) {
      // The backend's 'ready' is the ioredis 'ready' of the queue's connection, after every
      // reconnect: the moment a Redis that came back empty can be given its schedules again.
      const backend = queue.getBackend();
      const onReady = () => this.check('Redis connection ready again');
      backend.on('ready', onReady);
      this.unsubscribe.push(() => backend.off('ready', onReady));
    }
    this.timer = setInterval(() => this.check(PERIODIC), this.config.scheduleCheckEveryMs);
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const off of this.unsubscribe.splice(0)) off();
  }

  /** One check at a time; the worker's commands wait for Redis, so a check may last an outage. */
  private check(reason: string): void {
    if (this.stopped) return;
    if (this.running) {
      if (reason !== PERIODIC) this.checkAgain = reason;
      return;
    }
    this.running = this.restoreMissing(reason)
      .catch((error: unknown) => this.failed(error))
      .finally(() => {
        this.running = null;
        const again = this.checkAgain;
        this.checkAgain = null;
        if (again !== null) this.check(again);
      });
  }

  private async restoreMissing(reason: string): Promise<void> {
    const restored: string[] = [];
    for (const schedule of this.schedules) {
      if (this.stopped) return;
      if (await this.queueOf(schedule).getJobScheduler(schedule.id)) continue;
      await this.register(schedule);
      restored.push(`${schedule.queue}/${schedule.id}`);
    }
    if (this.failing) {
      this.failing = false;
      this.logger.log('job schedulers checked again: Redis answers');
    }
    if (restored.length > 0) {
      this.logger.warn(
        `job schedulers missing from Redis (${reason}; Redis restarted empty or was flushed?): registered again ${restored.join(', ')}`,
      );
    }
  }

  private failed(error: unknown): void {
    if (this.stopped || this.failing) return;
    this.failing = true;
    this.logger.warn(
      `cannot check the job schedulers: ${error instanceof Error ? error.message : String(error)} ` +
        '(tried again on reconnect and every SCHEDULE_CHECK_EVERY_MS; said once until it works)',
    );
  }

  private async register(schedule: JobSchedule): Promise<void> {
    await this.queueOf(schedule).upsertJobScheduler(schedule.id, schedule.repeat, {
      name: schedule.id,
      data: {},
      opts: schedule.opts,
    });
  }

  private queueOf(schedule: JobSchedule): Queue {
    let queue = this.queues.get(schedule.queue);
    if (!queue) {
      queue = this.moduleRef.get<Queue>(getQueueToken(schedule.queue), { strict: false });
      this.queues.set(schedule.queue, queue);
    }
    return queue;
  }
}
