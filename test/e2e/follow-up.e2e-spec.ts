import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import { EventNotifier, FollowUpService } from '@dondoc/assignments';
import { DEMO_PASSWORD, DemoUsers, Role } from '@dondoc/identity';
import { NotificationsService } from '@dondoc/notifications';
import { FixedClock } from '@dondoc/platform';
import {
  bootApi,
  builtEntry,
  Given,
  graphql,
  redisUrl,
  runToEnd,
  type RunningApi,
  signIn,
  startProcess,
  TEST_PASSWORD,
  waitForExit,
} from '@dondoc/test-support';

const DOCUMENT = `TỈNH ỦY KON TUM
*
Số 777-KL/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Kon Tum, ngày 20 tháng 11 năm 2026
KẾT LUẬN
về công tác dân vận cuối năm

Ban Thường vụ Tỉnh ủy yêu cầu:
1. Hội Liên hiệp Phụ nữ tỉnh tổng kết phong trào, báo cáo trước ngày 31/12/2026.
2. Hội Nông dân tỉnh hoàn thành rà soát hội viên trước ngày 05/12/2026.
`;

type Session = Awaited<ReturnType<typeof signIn>>;

describe('follow-up that runs by itself', () => {
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  const dataDir = mkdtempSync(join(tmpdir(), 'dondoc-follow-up-'));
  let api: RunningApi;
  let office: Session;
  let farmersOfficer: Session;
  let sweep: FollowUpService;
  let dataSource: DataSource;

  const count = async (where: string, params: unknown[] = []) =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM notifications WHERE ${where}`, params))[0].n);

  beforeAll(async () => {
    api = await bootApi({ DATA_DIR: dataDir }, { clock });
    dataSource = api.app.get(DataSource);
    const given = new Given(api.app);
    const konTum = await given.konTum();
    await api.app.get(DemoUsers).ensure();
    office = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    farmersOfficer = await signIn(
      api.url,
      (await given.user(Role.ORG_OFFICER, konTum.get('kt.nd')!)).email,
      TEST_PASSWORD,
    );
    sweep = new FollowUpService(dataSource, api.app.get(NotificationsService, { strict: false }));

    const call = async <T>(query: string, variables?: Record<string, unknown>) => {
      const { body } = await graphql<T>(api.url, query, variables, office.headers);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as T;
    };
    const { importDocument } = await call<{
      importDocument: { id: string; tasks: { id: string; number: string }[] };
    }>('mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id number } } }', {
      i: { text: DOCUMENT },
    });
    const plan = { '1': ['kt.pn', '2026-12-31'], '2': ['kt.nd', '2026-12-05'] } as const;
    for (const task of importDocument.tasks) {
      const [key, dueDate] = plan[task.number as '1' | '2'];
      await call(
        'mutation ($t: ID!, $o: ID!, $d: Date) { setTaskAssignees(taskId: $t, assignees: [{ organizationId: $o, role: LEAD, dueDate: $d }]) { id } }',
        {
          t: task.id,
          o: konTum.get(key)!.id,
          d: dueDate,
        },
      );
    }
    await call('mutation ($id: ID!) { publishDocument(id: $id) { id } }', { id: importDocument.id });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('notices work turning due soon and due for a reminder, once however often it runs', async () => {
    const first = await sweep.sweep('2026-12-01');
    expect(first).toMatchObject({ dueSoon: 1, reminders: 1, overdue: 0 });
    const again = await sweep.sweep('2026-12-01');
    expect(again).toMatchObject({ dueSoon: 0, reminders: 0, overdue: 0, notifications: 0 });
    // The Farmers' Association hears of it; its officer sees it in the inbox.
    const { body } = await graphql<{ allNotifications: { kind: string; message: string }[] }>(
      api.url,
      '{ allNotifications { kind message } }',
      undefined,
      farmersOfficer.headers,
    );
    expect(body.data?.allNotifications.map((n) => n.kind).sort()).toEqual(['DUE_REMINDER', 'DUE_SOON']);
    expect(body.data?.allNotifications[0]?.message).toMatch(/05\/12\/2026/);
  });

  it('two sweeps racing as of a day past the due dates notify each person of each overdue item once', async () => {
    const [a, b] = await Promise.all([sweep.sweep('2027-01-02'), sweep.sweep('2027-01-02')]);
    expect(a.overdue + b.overdue).toBe(2);
    const duplicates = (await dataSource.query(
      `SELECT key, recipient_user_id, count(*) FROM notifications GROUP BY 1, 2 HAVING count(*) > 1`,
    )) as unknown[];
    expect(duplicates).toEqual([]);
    // The assignee, the assigning office and the inspectors each hear of it.
    const kiemtra = (await dataSource.query(`SELECT id FROM users WHERE email = 'kiemtra@dondoc.local'`))[0]
      .id;
    const thuongtruc = (
      await dataSource.query(`SELECT id FROM users WHERE email = 'thuongtruc@dondoc.local'`)
    )[0].id;
    expect(await count(`kind = 'OVERDUE' AND recipient_user_id = $1`, [kiemtra])).toBe(2);
    expect(await count(`kind = 'OVERDUE' AND recipient_user_id = $1`, [thuongtruc])).toBe(2);
  });

  it("escalates work overdue for a week to the assigning body's leadership and the inspectors, once", async () => {
    // Task 2 (due 5 December) was escalated by the sweep of 2 January; task 1 (due 31
    // December) is a week late on 7 January.
    expect(await count(`kind = 'ESCALATED'`)).toBeGreaterThanOrEqual(2);
    expect((await sweep.sweep('2027-01-06')).escalations).toBe(0);
    expect((await sweep.sweep('2027-01-07')).escalations).toBe(1);
    expect((await sweep.sweep('2027-01-08')).escalations).toBe(0);
    const thuongtruc = (
      await dataSource.query(`SELECT id FROM users WHERE email = 'thuongtruc@dondoc.local'`)
    )[0].id;
    const kiemtra = (await dataSource.query(`SELECT id FROM users WHERE email = 'kiemtra@dondoc.local'`))[0]
      .id;
    expect(await count(`kind = 'ESCALATED' AND recipient_user_id = $1`, [thuongtruc])).toBe(2);
    expect(await count(`kind = 'ESCALATED' AND recipient_user_id = $1`, [kiemtra])).toBe(2);
  });

  it('turns each relayed domain event into notifications once, however often it is handled', async () => {
    const [row] = (await dataSource.query(
      `SELECT id, topic, subject, payload FROM outbox WHERE topic = 'assignment.created' ORDER BY id LIMIT 1`,
    )) as {
      id: string;
      topic: string;
      subject: string;
      payload: Record<string, unknown>;
    }[];
    const notifier = new EventNotifier(dataSource, api.app.get(NotificationsService, { strict: false }));
    const event = { outboxId: row!.id, topic: row!.topic, subject: row!.subject, payload: row!.payload };
    const [first, second] = await Promise.all([notifier.handle(event), notifier.handle(event)]);
    expect(first + second).toBeGreaterThan(0);
    expect(await notifier.handle(event)).toBe(0);
  });

  it('`cli tick --at` runs the schedules as of a day against the database', async () => {
    const result = await runToEnd([builtEntry('cli'), 'tick', '--at', '2027-03-01'], {
      DATABASE_URL: api.database.url,
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^As of 2027-03-01: \d+ newly overdue, \d+ due soon, \d+ reminder\(s\), \d+ escalation\(s\); \d+ notification\(s\), \d+ e-mail\(s\) sent\.$/m,
    );
    const bad = await runToEnd([builtEntry('cli'), 'tick', '--at', '2027-02-30'], {
      DATABASE_URL: api.database.url,
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--at takes a day as YYYY-MM-DD/);
  });

  it('the worker relays the outbox and notifies, on its own', async () => {
    const workerRedisUrl = `${redisUrl().replace(/\/\d*$/, '')}/12`;
    const redis = new Redis(workerRedisUrl);
    await redis.flushdb();
    await dataSource.query(`DELETE FROM notifications WHERE kind = 'ASSIGNMENT_CREATED'`);
    const worker = startProcess([builtEntry('worker')], {
      DATABASE_URL: api.database.url,
      REDIS_URL: workerRedisUrl,
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    });
    try {
      let created = 0;
      for (let waited = 0; waited < 30_000 && created < 2; waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        created = await count(`kind = 'ASSIGNMENT_CREATED'`);
      }
      expect(created).toBeGreaterThanOrEqual(2);
      expect(
        Number((await dataSource.query('SELECT count(*) AS n FROM outbox WHERE relayed_at IS NULL'))[0].n),
      ).toBe(0);
      // Zero-configuration e-mail lands as files a person can open.
      for (
        let waited = 0;
        waited < 40_000 && readdirSafe(join(dataDir, 'mail')).length === 0;
        waited += 500
      ) {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(readdirSafe(join(dataDir, 'mail')).some((file) => file.endsWith('.eml'))).toBe(true);
    } catch (error) {
      throw new Error(`${String(error)}\n--- worker output ---\n${worker.output()}`, { cause: error });
    } finally {
      worker.kill('SIGTERM');
      await waitForExit(worker, 20_000);
      redis.disconnect();
    }
  });
});

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
