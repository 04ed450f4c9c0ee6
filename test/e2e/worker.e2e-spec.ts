import { type ChildProcess, spawn } from 'node:child_process';

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Queue } from 'bullmq';
import { Redis } from 'ioredis';

import { DEFAULT_QUEUE_PREFIX, freePort, QueueName, SystemJob, WORKER_HEARTBEAT_KEY } from '@dondoc/platform';
import {
  builtEntry,
  createTestDatabase,
  redisUrl,
  runToEnd,
  startProcess,
  type TestDatabase,
  waitForExit,
  waitForHttp,
} from '@dondoc/test-support';

import { jobSchedules } from '../../apps/worker/src/schedules/job-schedules.js';

const SECRET = 'a-secret-that-is-at-least-32-characters';

describe('the worker process', () => {
  let database: TestDatabase;
  // A Redis database of its own, so a developer's running worker does not answer for it.
  const workerRedisUrl = `${redisUrl().replace(/\/\d*$/, '')}/11`;
  const redis = new Redis(workerRedisUrl);

  beforeAll(async () => {
    database = await createTestDatabase();
    await redis.flushdb();
  });
  afterAll(async () => {
    redis.disconnect();
    await database?.drop();
  });

  it('runs its heartbeat job, reports health and job metrics over HTTP, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const worker = startProcess([builtEntry('worker')], {
      DATABASE_URL: database.url,
      REDIS_URL: workerRedisUrl,
      JWT_SECRET: SECRET,
      WORKER_PORT: String(port),
      LOG_LEVEL: 'info',
    });
    try {
      const heartbeat = await waitFor(() => redis.get(WORKER_HEARTBEAT_KEY), 30_000);
      expect(Date.now() - Date.parse(heartbeat)).toBeLessThan(60_000);

      const live = await fetch(`${base}/health`);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'ok' });
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        details: { database: { status: 'up' }, redis: { status: 'up' } },
      });

      // The heartbeat's own completion is counted just after its stamp in Redis; the pruning
      // of sign-in records runs at start too.
      const metrics = await waitFor(async () => {
        const text = await (await fetch(`${base}/metrics`)).text();
        return /^dondoc_jobs_completed_total\{[^}]*name="heartbeat"/m.test(text) &&
          /^dondoc_jobs_completed_total\{[^}]*name="prune-sign-in-records"/m.test(text)
          ? text
          : null;
      }, 10_000);
      for (const queue of ['system', 'events', 'follow-up', 'exports']) {
        for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed']) {
          expect(metrics).toMatch(
            new RegExp(`^dondoc_queue_depth\\{queue="${queue}",state="${state}",app="worker"\\} \\d+$`, 'm'),
          );
        }
      }
      // The next job of each schedule of the system queue: the heartbeat, the pruning of sign-in
      // records, the compaction of the dashboard tallies, the daily audit anchor.
      const systemSchedules = jobSchedules({ followUpEveryMinutes: 15 }).filter(
        (schedule) => schedule.queue === QueueName.System,
      ).length;
      expect(metrics).toMatch(
        new RegExp(
          `^dondoc_queue_depth\\{queue="system",state="delayed",app="worker"\\} ${systemSchedules}$`,
          'm',
        ),
      );
      expect(metrics).toMatch(
        /^dondoc_jobs_completed_total\{queue="system",name="heartbeat",app="worker"\} [1-9]\d*$/m,
      );
      expect(metrics).toMatch(
        /^dondoc_job_duration_seconds_count\{app="worker",queue="system",name="heartbeat",status="completed"\} [1-9]\d*$/m,
      );
      expect(metrics).toMatch(/^# TYPE dondoc_jobs_failed_total counter$/m);
    } catch (error) {
      throw new Error(`${String(error)}\n--- worker output ---\n${worker.output()}`, { cause: error });
    } finally {
      worker.kill('SIGTERM');
      await waitForExit(worker, 20_000);
    }
    expect(worker.exitCode).toBe(0);
    expect(worker.output()).toMatch(/SIGTERM: finishing the job in hand, then stopping/);
  });

  it('starts without Redis, answers its health checks, and picks up work when Redis comes', async () => {
    // A private Redis on a free port, started only once the worker runs: never the shared one.
    const redisPort = await freePort();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const worker = startProcess([builtEntry('worker')], {
      DATABASE_URL: database.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      JWT_SECRET: SECRET,
      WORKER_PORT: String(port),
      LOG_LEVEL: 'info',
    });
    let privateRedis: ChildProcess | null = null;
    let client: Redis | null = null;
    try {
      await waitForHttp(`${base}/health`, 30_000);
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        status: 'degraded',
        details: { database: { status: 'up' }, redis: { status: 'degraded' } },
      });
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).not.toMatch(/^dondoc_queue_depth\{/m);

      privateRedis = spawn(
        'redis-server',
        ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      const connected = new Redis({ port: redisPort });
      connected.on('error', () => undefined);
      client = connected;
      const heartbeat = await waitFor(() => connected.get(WORKER_HEARTBEAT_KEY), 60_000);
      expect(Date.now() - Date.parse(heartbeat)).toBeLessThan(60_000);
    } catch (error) {
      throw new Error(`${String(error)}\n--- worker output ---\n${worker.output()}`, { cause: error });
    } finally {
      worker.kill('SIGTERM');
      await waitForExit(worker, 20_000);
      client?.disconnect();
      privateRedis?.kill('SIGTERM');
      if (privateRedis) await waitForExit(privateRedis, 10_000);
    }
    expect(worker.exitCode).toBe(0);
    // Without Redis the log says so once per connection, not once per reconnection attempt.
    expect(worker.output().match(/ECONNREFUSED/g)?.length ?? 0).toBeLessThan(20);
  });

  it('anchors the audit chain when its daily job runs, and only once for the same head', async () => {
    const seeded = await runToEnd([builtEntry('cli'), 'seed'], {
      DATABASE_URL: database.url,
      JWT_SECRET: SECRET,
    });
    expect(seeded.code).toBe(0);
    const anchors = join(mkdtempSync(join(tmpdir(), 'dondoc-worker-anchors-')), 'audit-anchors.jsonl');
    const port = await freePort();
    const worker = startProcess([builtEntry('worker')], {
      DATABASE_URL: database.url,
      REDIS_URL: workerRedisUrl,
      JWT_SECRET: SECRET,
      WORKER_PORT: String(port),
      AUDIT_ANCHOR_FILE: anchors,
    });
    const queue = new Queue(QueueName.System, {
      connection: { url: workerRedisUrl },
      prefix: DEFAULT_QUEUE_PREFIX,
    });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/health`, 30_000);
      // What the scheduler does at 01:30, now: twice, as a retried or doubled run would.
      for (const jobId of ['anchor-1', 'anchor-2']) {
        await queue.add(SystemJob.AuditAnchor, {}, { jobId });
        await waitFor(
          async () => ((await (await queue.getJob(jobId))?.getState()) === 'completed' ? true : null),
          30_000,
        );
      }
      const lines = readFileSync(anchors, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({
        lastId: expect.stringMatching(/^\d+$/),
        count: expect.any(Number),
      });
    } finally {
      await queue.close();
      worker.kill('SIGTERM');
      await waitForExit(worker, 20_000);
    }
  });
});

/** Polls until `read` gives a value (not null), or fails after `timeoutMs`. */
async function waitFor<T>(read: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  for (let waited = 0; waited < timeoutMs; waited += 250) {
    const value = await read();
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`nothing came within ${timeoutMs} ms`);
}
