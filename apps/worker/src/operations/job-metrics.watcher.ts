import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';

import { JobMetrics, MetricsRegistry, RedisStatus } from '@dondoc/platform';

import { processorWorkers, productQueues } from './bullmq-instances.js';

/**
 * Feeds /metrics with the job metrics: queue depths read at scrape time, and the duration and
 * outcome of every job this process runs, taken from the `completed` and `failed` events of
 * each processor's BullMQ worker. The processors stay as they are: every `WorkerHost` is found
 * through discovery, so a processor added later is measured too.
 */
@Injectable()
export class JobMetricsWatcher implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly redis: RedisStatus,
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
  ) {}

  /** At module init, not bootstrap: no job is missed, and the schedulers' registration at bootstrap waits for Redis. */
  onModuleInit(): void {
    const jobs = new JobMetrics(this.metrics, {
      queues: productQueues(this.moduleRef),
      redisAnswers: () => this.redis.ping(),
    });
    for (const worker of processorWorkers(this.discovery)) jobs.watch(worker);
  }
}
