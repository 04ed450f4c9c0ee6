import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Redis } from 'ioredis';

import { DataSource } from 'typeorm';

import { DEMO_PASSWORD, DemoUsers, Role } from '@dondoc/identity';
import { NotificationKind, NotificationsService } from '@dondoc/notifications';
import { freePort } from '@dondoc/platform';
import {
  bootApi,
  builtEntry,
  Given,
  graphql,
  redisUrl,
  publishToBodies,
  quarterlyReportConclusion,
  type RunningApi,
  signIn,
  startProcess,
  waitForExit,
} from '@dondoc/test-support';

/**
 * Redis stopped while the API takes writes: no write fails, the work waits in the outbox,
 * and when Redis is back a worker runs every job once. The test runs a Redis of its own on
 * a free port, never the machine's shared one.
 */

describe('Redis down during writes', () => {
  let api: RunningApi;
  let redisPort: number;
  let redis: ChildProcess | null = null;

  const startRedis = async () => {
    redis = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    for (let i = 0; i < 50; i++) {
      if (await answers(redisPort)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the private Redis did not start');
  };

  beforeAll(async () => {
    redisPort = await freePort(); // nothing listens there yet: Redis is "down"
    api = await bootApi({ REDIS_URL: `redis://127.0.0.1:${redisPort}` });
  });
  afterAll(async () => {
    redis?.kill('SIGTERM');
    await api?.close();
  });

  it('accepts 200 writes with Redis stopped; once it is back, every job runs once', async () => {
    const given = new Given(api.app);
    const konTum = await given.konTum();
    await api.app.get(DemoUsers).ensure();
    const admin = await signIn(api.url, 'admin@dondoc.local', DEMO_PASSWORD);
    const call = async <T>(query: string, variables?: Record<string, unknown>) =>
      graphql<T>(api.url, query, variables, admin.headers);

    // Write 1: a published task given to every body of the province (one outbox row each).
    const bodies = [...konTum.values()].filter((o) => o.key !== 'kt.tu.vp').slice(0, 100);
    const assignments = await publishToBodies(call, quarterlyReportConclusion(778, 20), bodies);

    // Writes 2–199 and more: a report and an extension request on each assignment.
    let failed = 0;
    let writes = 1;
    for (const assignment of assignments) {
      const report = await call(
        'mutation ($a: ID!) { submitProgressReport(input: { assignmentId: $a, period: "2026-Q4", percentComplete: 30 }) { id } }',
        {
          a: assignment.id,
        },
      );
      const extension = await call(
        'mutation ($a: ID!) { requestExtension(assignmentId: $a, proposedDueDate: "2027-09-30", reason: "Thử") { id } }',
        {
          a: assignment.id,
        },
      );
      writes += 2;
      failed += (report.body.errors ? 1 : 0) + (extension.body.errors ? 1 : 0);
    }
    expect(writes).toBeGreaterThanOrEqual(200);
    expect(failed).toBe(0);
    const dataSource = api.app.get(DataSource);
    const pending = async () =>
      Number((await dataSource.query('SELECT count(*) AS n FROM outbox WHERE relayed_at IS NULL'))[0].n);
    expect(await pending()).toBe(assignments.length * 3);

    // Redis comes back, and a worker with it.
    await startRedis();
    const worker = startProcess([builtEntry('worker')], {
      DATABASE_URL: api.database.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
      WORKER_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    });
    try {
      const submitted = async () =>
        Number(
          (
            await dataSource.query(
              `SELECT count(DISTINCT key) AS n FROM notifications WHERE kind = 'REPORT_SUBMITTED'`,
            )
          )[0].n,
        );
      for (
        let waited = 0;
        waited < 60_000 && ((await pending()) > 0 || (await submitted()) < assignments.length);
        waited += 500
      ) {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(await pending()).toBe(0);
      expect(await submitted()).toBe(assignments.length);
      const duplicates = (await dataSource.query(
        'SELECT key, recipient_user_id FROM notifications GROUP BY 1, 2 HAVING count(*) > 1',
      )) as unknown[];
      expect(duplicates).toEqual([]);
    } catch (error) {
      throw new Error(`${String(error)}\n--- worker output ---\n${worker.output()}`, { cause: error });
    } finally {
      worker.kill('SIGTERM');
      await waitForExit(worker, 20_000);
    }
  });
});

async function answers(port: number): Promise<boolean> {
  const { createConnection } = await import('node:net');
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/**
 * The worker killed with SIGKILL halfway through sending 2,000 reminders, then started
 * again: every reminder is delivered exactly once (in the inbox by its unique key; as
 * e-mail files named after the notification, so one written again replaces itself).
 */
describe('a worker killed halfway through 2,000 reminders, then two workers racing', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dondoc-sigkill-'));
  let api: RunningApi;

  beforeAll(async () => {
    api = await bootApi({ DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every reminder exactly once after a restart', async () => {
    const given = new Given(api.app);
    const konTum = await given.konTum();
    const officer = await given.user(Role.ORG_OFFICER, konTum.get('kt.pn')!);
    const notifications = api.app.get(NotificationsService, { strict: false });
    for (let chunk = 0; chunk < 4; chunk++) {
      await notifications.notify(
        Array.from({ length: 500 }, (_, i) => ({
          kind: NotificationKind.DUE_REMINDER,
          key: `DUE_REMINDER:sigkill:${chunk * 500 + i}`,
          organizationIds: [],
          userIds: [officer.id],
          facts: {
            taskText: `Nhiệm vụ số ${chunk * 500 + i}`,
            organizationName: 'Hội Liên hiệp Phụ nữ tỉnh',
            dueDate: '2027-03-31',
          },
        })),
      );
    }
    const dataSource = api.app.get(DataSource);
    const ids = (
      (await dataSource.query(`SELECT id FROM notifications WHERE key LIKE 'DUE_REMINDER:sigkill:%'`)) as {
        id: string;
      }[]
    ).map((row) => row.id);
    expect(ids).toHaveLength(2_000);

    const workerRedisUrl = `${redisUrl().replace(/\/\d*$/, '')}/13`;
    const redis = new Redis(workerRedisUrl);
    await redis.flushdb();
    redis.disconnect();
    const mailDir = join(dataDir, 'mail');
    const files = () => {
      try {
        return readdirSync(mailDir).filter((file) => file.endsWith('.eml'));
      } catch {
        return [];
      }
    };
    const env = async () => ({
      DATABASE_URL: api.database.url,
      REDIS_URL: workerRedisUrl,
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
      DATA_DIR: dataDir,
      WORKER_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    });

    const first = startProcess([builtEntry('worker')], await env());
    let killedAt = -1;
    for (let waited = 0; waited < 60_000; waited += 10) {
      const written = files().length;
      if (written >= 300) {
        first.kill('SIGKILL');
        killedAt = written;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await waitForExit(first, 10_000);
    expect(killedAt).toBeGreaterThanOrEqual(300);
    expect(killedAt).toBeLessThan(2_000); // really halfway: the rest was still to send

    // Started again — as two workers racing for the rest, which must not send anything twice either.
    const second = startProcess([builtEntry('worker')], await env());
    const third = startProcess([builtEntry('worker')], await env());
    const pending = async () =>
      Number(
        (await dataSource.query(`SELECT count(*) AS n FROM notifications WHERE emailed_at IS NULL`))[0].n,
      );
    try {
      for (let waited = 0; waited < 90_000 && (await pending()) > 0; waited += 500) {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(await pending()).toBe(0);
      const delivered = files();
      expect(delivered).toHaveLength(2_000);
      const fileIds = new Set(delivered.map((file) => file.replace(/\.eml$/, '').slice(-36)));
      expect([...fileIds].sort()).toEqual([...ids].sort());
      expect(
        Number(
          (
            await dataSource.query(
              `SELECT count(*) AS n FROM notifications WHERE key LIKE 'DUE_REMINDER:sigkill:%'`,
            )
          )[0].n,
        ),
      ).toBe(2_000);
    } catch (error) {
      throw new Error(`${String(error)}\n--- worker output ---\n${second.output()}\n${third.output()}`, {
        cause: error,
      });
    } finally {
      second.kill('SIGTERM');
      third.kill('SIGTERM');
      await Promise.all([waitForExit(second, 20_000), waitForExit(third, 20_000)]);
    }
  });
});
