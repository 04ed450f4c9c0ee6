import { type ChildProcess, spawn } from 'node:child_process';

import { DataSource } from 'typeorm';

import { DEMO_PASSWORD, DemoUsers } from '@dondoc/identity';
import { freePort } from '@dondoc/platform';
import {
  bootApi,
  builtEntry,
  Given,
  graphql,
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
const DOCUMENT = `TỈNH ỦY KON TUM
*
Số 778-KL/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Kon Tum, ngày 20 tháng 11 năm 2026
KẾT LUẬN
về báo cáo công tác dân vận

Ban Thường vụ Tỉnh ủy yêu cầu:
1. Các cơ quan, đơn vị báo cáo kết quả công tác dân vận hằng quý.
`;

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
    const imported = await call<{ importDocument: { id: string; tasks: { id: string }[] } }>(
      'mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id } } }',
      {
        i: { text: DOCUMENT },
      },
    );
    const { id: documentId, tasks } = imported.body.data!.importDocument;
    for (const task of tasks)
      await call('mutation ($t: ID!) { setTaskAssignees(taskId: $t, assignees: []) { id } }', { t: task.id });
    await call('mutation ($id: ID!) { publishDocument(id: $id) { id } }', { id: documentId });
    const bodies = [...konTum.values()].filter((o) => o.key !== 'kt.tu.vp').slice(0, 99);
    const assigned = await call<{ assignTask: { id: string }[] }>(
      'mutation ($i: AssignTaskInput!) { assignTask(input: $i) { id } }',
      {
        i: {
          taskId: tasks[0]!.id,
          organizationIds: bodies.map((o) => o.id),
          role: 'COORDINATE',
          dueDate: '2027-06-30',
          cadence: 'QUARTERLY',
        },
      },
    );
    expect(assigned.body.errors).toBeUndefined();
    const assignments = assigned.body.data!.assignTask;

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
    expect(writes).toBeGreaterThanOrEqual(199);
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
