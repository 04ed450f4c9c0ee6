import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';

import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import { DEMO_PASSWORD, DemoUsers } from '@dondoc/identity';
import { DEFAULT_QUEUE_PREFIX, freePort, QueueName } from '@dondoc/platform';
import {
  bootApi,
  builtEntry,
  eventually,
  Given,
  graphql,
  publishToBodies,
  quarterlyReportConclusion,
  type RunningApi,
  signIn,
  startProcess,
  waitForExit,
} from '@dondoc/test-support';

/**
 * Redis restarted empty takes the jobs it held: the outbox rows were already marked relayed,
 * so before OUTBOX_REDELIVER_AFTER_MS nothing ever ran them. Here the relay queues the jobs
 * into a paused queue, Redis is flushed under the running worker, and every row must still be
 * handled exactly once. The test runs a Redis of its own, never the machine's shared one.
 */
const BODIES = 12;

describe('jobs lost with Redis data', () => {
  let api: RunningApi;
  let redisPort: number;
  let redis: ChildProcess;
  let worker: (ChildProcess & { output: () => string }) | null = null;

  beforeAll(async () => {
    redisPort = await freePort();
    redis = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 50 && !(await answers(redisPort)); i++) await sleep(100);
    api = await bootApi({ REDIS_URL: `redis://127.0.0.1:${redisPort}` });
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGTERM');
      await waitForExit(worker, 20_000).catch(() => worker?.kill('SIGKILL'));
    }
    redis?.kill('SIGTERM');
    await api?.close();
  });

  it('queues again the rows whose jobs Redis lost, and each is handled once', async () => {
    const konTum = await new Given(api.app).konTum();
    await api.app.get(DemoUsers).ensure();
    const admin = await signIn(api.url, 'admin@dondoc.local', DEMO_PASSWORD);
    const call = async <T>(query: string, variables?: Record<string, unknown>) => {
      const result = await graphql<T>(api.url, query, variables, admin.headers);
      expect(result.body.errors).toBeUndefined();
      return result.body.data!;
    };
    const bodies = [...konTum.values()].filter((o) => o.key !== 'kt.tu.vp').slice(0, BODIES);
    const assignTask = await publishToBodies(
      (query, variables) => graphql(api.url, query, variables, admin.headers),
      quarterlyReportConclusion(779, 21),
      bodies,
    );
    for (const assignment of assignTask) {
      await call(
        'mutation ($a: ID!) { submitProgressReport(input: { assignmentId: $a, period: "2026-Q4", percentComplete: 30 }) { id } }',
        { a: assignment.id },
      );
    }
    const dataSource = api.app.get(DataSource);
    const count = async (sql: string) => Number((await dataSource.query(sql))[0].n);
    const rows = await count('SELECT count(*) AS n FROM outbox');
    expect(rows).toBeGreaterThanOrEqual(BODIES * 2);

    // The events queue is paused, so the relay's jobs wait in Redis instead of running.
    const connection = new Redis({ port: redisPort, host: '127.0.0.1', maxRetriesPerRequest: null });
    const events = new Queue(QueueName.Events, { connection, prefix: DEFAULT_QUEUE_PREFIX });
    try {
      await events.pause();
      worker = startProcess([builtEntry('worker')], {
        DATABASE_URL: api.database.url,
        REDIS_URL: `redis://127.0.0.1:${redisPort}`,
        JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
        WORKER_PORT: String(await freePort()),
        OUTBOX_REDELIVER_AFTER_MS: '2000',
        LOG_LEVEL: 'warn',
      });
      // The relay queued every row.
      await eventually(
        async () => expect(await count('SELECT count(*) AS n FROM outbox WHERE relayed_at IS NULL')).toBe(0),
        30_000,
      );
      expect(await count('SELECT count(*) AS n FROM outbox WHERE handled_at IS NOT NULL')).toBe(0);
      expect(await events.getWaitingCount()).toBeGreaterThanOrEqual(BODIES * 2);

      // Redis forgets everything it held: the jobs and the pause with them.
      await connection.flushall();

      // Every row was handled, though Redis lost the jobs.
      await eventually(
        async () => expect(await count('SELECT count(*) AS n FROM outbox WHERE handled_at IS NULL')).toBe(0),
        30_000,
      );
      const submitted = await count(
        `SELECT count(DISTINCT key) AS n FROM notifications WHERE kind = 'REPORT_SUBMITTED'`,
      );
      expect(submitted).toBe(BODIES);
      const duplicates = (await dataSource.query(
        'SELECT key, recipient_user_id FROM notifications GROUP BY 1, 2 HAVING count(*) > 1',
      )) as unknown[];
      expect(duplicates).toEqual([]);
      expect(worker.output()).toMatch(/queued again \d+ outbox row\(s\)/);
    } catch (error) {
      throw new Error(`${String(error)}\n--- worker output ---\n${worker?.output() ?? ''}`, { cause: error });
    } finally {
      await events.close();
      connection.disconnect();
    }
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
