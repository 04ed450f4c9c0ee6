import { type ChildProcess, spawn } from 'node:child_process';

import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

import { DEFAULT_QUEUE_PREFIX, freePort, QueueName, WORKER_HEARTBEAT_KEY } from '@dondoc/platform';
import {
  builtEntry,
  createTestDatabase,
  startProcess,
  type TestDatabase,
  waitForExit,
  waitForHttp,
} from '@dondoc/test-support';

import { FollowUpJob } from '../../apps/worker/src/follow-up/follow-up-jobs.js';
import { jobSchedules } from '../../apps/worker/src/schedules/job-schedules.js';

const SECRET = 'a-secret-that-is-at-least-32-characters';
const SCHEDULED_QUEUES = [QueueName.System, QueueName.FollowUp] as const;
const ALL_SCHEDULERS = jobSchedules({ followUpEveryMinutes: 15 })
  .map((schedule) => `${schedule.queue}/${schedule.id}`)
  .sort();
/** The short check interval of the worker that heals a flush. */
const CHECK_EVERY_MS = 2_000;

/**
 * A Redis that forgets: the job schedulers live only in Redis, so the workers register them
 * again. A private redis-server on a free port (never the machine's shared one) is flushed,
 * then killed and replaced by an empty one, under two running workers: one that checks every
 * 2 s, one whose check is 10 minutes away and so can only heal on its reconnect.
 */
describe('job schedulers after Redis forgets them', () => {
  let database: TestDatabase;
  let redisPort: number;
  let redis: ChildProcess | null = null;
  let client: Redis;
  const queues: Queue[] = [];

  const startRedis = async () => {
    // Evicting keys on a full memory: the worker must say so once at start. (The test's own
    // queues skip BullMQ's version check, which warns about it on every connection.)
    redis = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'].concat([
        '--maxmemory-policy',
        'allkeys-lru',
      ]),
      { stdio: 'ignore' },
    );
    await waitFor(async () => ((await client.ping().catch(() => null)) === 'PONG' ? true : null), 10_000);
  };
  const stopRedis = async () => {
    const running = redis;
    redis = null;
    running?.kill('SIGKILL');
    if (running) await waitForExit(running, 10_000);
  };
  /** The schedulers in Redis under `prefix`, as "queue/id". */
  const schedulers = async (prefix = DEFAULT_QUEUE_PREFIX): Promise<string[]> => {
    const found: string[] = [];
    for (const name of SCHEDULED_QUEUES) {
      for (const scheduler of await queueOf(name, prefix).getJobSchedulers())
        found.push(`${name}/${scheduler.key}`);
    }
    return found.sort();
  };
  const queueOf = (name: QueueName, prefix: string): Queue => {
    const existing = queues.find((queue) => queue.name === name && queue.opts.prefix === prefix);
    if (existing) return existing;
    const queue = new Queue(name, {
      connection: {
        port: redisPort,
        maxRetriesPerRequest: null,
        retryStrategy: () => 200,
        skipVersionCheck: true,
      },
      prefix,
    });
    queue.on('error', () => undefined);
    queues.push(queue);
    return queue;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    redisPort = await freePort();
    client = new Redis({ port: redisPort, maxRetriesPerRequest: 1, retryStrategy: () => 200 });
    client.on('error', () => undefined);
    await startRedis();
  });
  afterAll(async () => {
    await Promise.all(queues.map((queue) => queue.close().catch(() => undefined)));
    client?.disconnect();
    await stopRedis();
    await database?.drop();
  });

  it('registers from two places at once without doubling a job, even one running', async () => {
    // What two workers starting together do: every schedule upserted from two Queue objects.
    const prefix = '{twice}';
    const [first, second] = [0, 1].map(() =>
      SCHEDULED_QUEUES.map(
        (name) =>
          new Queue(name, {
            connection: { port: redisPort, maxRetriesPerRequest: null, skipVersionCheck: true },
            prefix,
          }),
      ),
    );
    queues.push(...first!, ...second!);
    const upsertAll = (from: Queue[]) =>
      Promise.all(
        jobSchedules({ followUpEveryMinutes: 15 }).map((schedule) =>
          from
            .find((queue) => queue.name === schedule.queue)!
            .upsertJobScheduler(schedule.id, schedule.repeat, { name: schedule.id, opts: schedule.opts }),
        ),
      );
    await Promise.all([upsertAll(first!), upsertAll(second!)]);
    expect(await schedulers(prefix)).toEqual(ALL_SCHEDULERS);
    // One pending job per scheduler: due now for the intervals, at 01:30 for the anchor.
    const pending = async (name: QueueName) =>
      (await queueOf(name, prefix).getJobs(['waiting', 'prioritized', 'delayed', 'active'])).map(
        (job) => job.name,
      );
    expect((await pending(QueueName.FollowUp)).sort()).toEqual([FollowUpJob.SendMail, FollowUpJob.Sweep]);
    expect(await pending(QueueName.System)).toHaveLength(
      ALL_SCHEDULERS.filter((id) => id.startsWith(`${QueueName.System}/`)).length,
    );

    // A worker takes the sweep that is due; another worker registers again meanwhile: the
    // sweep in hand stays the only one due now, the next is an interval away.
    const taker = new Worker(QueueName.FollowUp, null, {
      connection: { port: redisPort, maxRetriesPerRequest: null, skipVersionCheck: true },
      prefix,
      autorun: false,
    });
    try {
      let taken = await taker.getNextJob('test-token', { block: false });
      while (taken && taken.name !== FollowUpJob.Sweep)
        taken = await taker.getNextJob('test-token', { block: false });
      expect(taken?.name).toBe(FollowUpJob.Sweep);
      await upsertAll(second!);
      await upsertAll(first!);
      const nextSweeps = async () =>
        (await queueOf(QueueName.FollowUp, prefix).getJobs(['waiting', 'prioritized', 'delayed', 'active']))
          .filter((job) => job.name === FollowUpJob.Sweep && job.id !== taken!.id)
          .map((job) => job.timestamp + job.delay - Date.now());
      const whileRunning = await nextSweeps();
      expect(whileRunning).toHaveLength(1);
      expect(whileRunning[0]).toBeGreaterThan(10 * 60_000);
      // Done: still one next sweep, not one more from the scheduler's own next iteration.
      await taken!.moveToCompleted('done', 'test-token', false);
      expect(await nextSweeps()).toHaveLength(1);
    } finally {
      await taker.close(true);
    }
  });

  it('has them back after a flush (timer) and after Redis restarts empty (reconnect), with the heartbeat', async () => {
    const start = async (checkEveryMs: number) => {
      const port = await freePort();
      const worker = startProcess([builtEntry('worker')], {
        DATABASE_URL: database.url,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        JWT_SECRET: SECRET,
        WORKER_PORT: String(port),
        SCHEDULE_CHECK_EVERY_MS: String(checkEveryMs),
        LOG_LEVEL: 'info',
      });
      await waitForHttp(`http://127.0.0.1:${port}/health`, 30_000);
      return worker;
    };
    const allBack = () =>
      waitFor(async () => {
        const found = await schedulers().catch(() => []);
        return found.length === ALL_SCHEDULERS.length ? found : null;
      }, 20_000);
    // Heals only on reconnect: its next periodic check is ten minutes away.
    const reconnecting = await start(600_000);
    let checking: Awaited<ReturnType<typeof start>> | null = null;
    try {
      expect(await allBack()).toEqual(ALL_SCHEDULERS);
      await waitFor(() => client.get(WORKER_HEARTBEAT_KEY).catch(() => null), 20_000);

      // (b) Redis killed and an empty one started on the same port.
      await stopRedis();
      await startRedis();
      expect(await client.dbsize()).toBe(0);
      const restarted = Date.now();
      expect(await allBack()).toEqual(ALL_SCHEDULERS);
      const afterRestartMs = Date.now() - restarted;
      await waitFor(() => client.get(WORKER_HEARTBEAT_KEY).catch(() => null), 20_000);

      // (a) FLUSHALL: no reconnect announces it; the worker checking every 2 s heals it.
      checking = await start(CHECK_EVERY_MS);
      await client.flushall();
      const flushed = Date.now();
      expect(await allBack()).toEqual(ALL_SCHEDULERS);
      const afterFlushMs = Date.now() - flushed;
      expect(afterFlushMs).toBeLessThan(CHECK_EVERY_MS + 15_000);
      await waitFor(() => client.get(WORKER_HEARTBEAT_KEY).catch(() => null), 20_000);
      // One heartbeat due at a time, however many workers registered it.
      const heartbeats = await queueOf(QueueName.System, DEFAULT_QUEUE_PREFIX).getJobs([
        'waiting',
        'delayed',
      ]);
      expect(heartbeats.filter((job) => job.name === 'heartbeat')).toHaveLength(1);
      console.log(
        `schedulers back ${afterRestartMs} ms after the restart, ${afterFlushMs} ms after the flush`,
      );
    } catch (error) {
      throw new Error(
        `${String(error)}\n--- reconnecting worker ---\n${reconnecting.output()}\n--- checking worker ---\n${checking?.output() ?? ''}`,
        { cause: error },
      );
    } finally {
      for (const worker of [reconnecting, checking]) {
        if (!worker) continue;
        worker.kill('SIGTERM');
        await waitForExit(worker, 20_000);
      }
    }
    for (const worker of [reconnecting, checking!]) {
      // Stopped on SIGTERM, the check timer cleared; nothing unhandled on the way.
      expect(worker.exitCode).toBe(0);
      expect(worker.output()).not.toMatch(/Unhandled|uncaught|at .*\.js:\d+:\d+\)/i);
      expect(worker.output().match(/maxmemory-policy is allkeys-lru, not noeviction/g)).toHaveLength(1);
    }
    expect(reconnecting.output()).toMatch(/job schedulers missing from Redis \(Redis connection ready again/);
    expect(checking!.output()).toMatch(/job schedulers missing from Redis \(periodic check/);
  });
});

/** Polls until `read` gives a value (not null), or fails after `timeoutMs`. */
async function waitFor<T>(read: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  for (let waited = 0; waited < timeoutMs; waited += 200) {
    const value = await read();
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing came within ${timeoutMs} ms`);
}
