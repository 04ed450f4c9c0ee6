import type { Job, Queue, Worker } from 'bullmq';
import { Counter, Gauge, Histogram } from 'prom-client';

import type { MetricsRegistry } from './metrics.registry.js';

/** The states whose job counts are exported for every queue. */
export const QUEUE_DEPTH_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** A scrape never waits longer than this for Redis: without it, depths are simply absent. */
const COUNTS_TIMEOUT_MS = 1_000;

export interface JobMetricsOptions {
  /** The queues whose depths are read from Redis at each scrape. */
  queues: readonly Pick<Queue, 'name' | 'getJobCounts'>[];
  /** Whether Redis answers now; while it does not, a scrape skips the depths instead of waiting. */
  redisAnswers: () => Promise<boolean>;
}

/**
 * The job metrics of a worker process. Queue depths are read from Redis when Prometheus
 * scrapes, so every copy of the worker reports the same figures (take the max, not the sum);
 * durations and outcomes are those of the jobs this process ran (sum them across copies).
 */
export class JobMetrics {
  readonly depth: Gauge<'queue' | 'state'>;
  readonly duration: Histogram<'queue' | 'name' | 'status'>;
  readonly completed: Counter<'queue' | 'name'>;
  readonly failed: Counter<'queue' | 'name'>;

  constructor(metrics: MetricsRegistry, options: JobMetricsOptions) {
    const registers = [metrics.registry];
    const depth: Gauge<'queue' | 'state'> = new Gauge({
      name: 'dondoc_queue_depth',
      help: 'Jobs in each queue by state, read from Redis at scrape time (absent while Redis does not answer)',
      labelNames: ['queue', 'state'],
      registers,
      collect: (): Promise<void> => collectDepths(depth, options),
    });
    this.depth = depth;
    this.duration = new Histogram({
      name: 'dondoc_job_duration_seconds',
      help: 'How long jobs ran in this process, by queue, job name and outcome',
      labelNames: ['queue', 'name', 'status'],
      // From the heartbeat (milliseconds) to a sweep of a whole province's work (minutes).
      buckets: [0.005, 0.025, 0.1, 0.5, 1, 5, 15, 60, 300, 900],
      registers,
    });
    this.completed = new Counter({
      name: 'dondoc_jobs_completed_total',
      help: 'Jobs this process completed, by queue and job name',
      labelNames: ['queue', 'name'],
      registers,
    });
    this.failed = new Counter({
      name: 'dondoc_jobs_failed_total',
      help: 'Job attempts that failed in this process, by queue and job name (a retried job counts once per failed attempt)',
      labelNames: ['queue', 'name'],
      registers,
    });
  }

  /** Counts and times every job a BullMQ worker finishes, from its own events. */
  watch(worker: Worker): void {
    worker.on('completed', (job) => this.record(job, 'completed'));
    worker.on('failed', (job) => {
      // BullMQ reports some failures (a stalled job it could not read back) without the job.
      if (job) this.record(job, 'failed');
      else this.failed.inc({ queue: worker.name, name: 'unknown' });
    });
  }

  record(
    job: Pick<Job, 'queueName' | 'name' | 'processedOn' | 'finishedOn'>,
    status: 'completed' | 'failed',
  ): void {
    const labels = { queue: job.queueName, name: job.name };
    (status === 'completed' ? this.completed : this.failed).inc(labels);
    if (job.processedOn) {
      const seconds = Math.max(0, (job.finishedOn ?? Date.now()) - job.processedOn) / 1000;
      this.duration.observe({ ...labels, status }, seconds);
    }
  }
}

async function collectDepths(depth: Gauge<'queue' | 'state'>, options: JobMetricsOptions): Promise<void> {
  // A scrape never fails because of Redis: stale figures are dropped, fresh ones set when it answers.
  depth.reset();
  try {
    if (!(await options.redisAnswers())) return;
    const counts = await withTimeout(
      Promise.all(options.queues.map((queue) => queue.getJobCounts(...QUEUE_DEPTH_STATES))),
      COUNTS_TIMEOUT_MS,
    );
    options.queues.forEach((queue, index) => {
      for (const state of QUEUE_DEPTH_STATES) {
        depth.set({ queue: queue.name, state }, counts[index]?.[state] ?? 0);
      }
    });
  } catch {
    depth.reset();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
