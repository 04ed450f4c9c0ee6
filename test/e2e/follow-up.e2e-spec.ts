import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import {
  EventNotifier,
  FollowUpService,
  InspectionFollowUpsService,
  PeriodSnapshotsService,
  ReportRequestsService,
} from '@dondoc/assignments';
import { DEMO_PASSWORD, DemoUsers, Role } from '@dondoc/identity';
import { NotificationsService } from '@dondoc/notifications';
import { FixedClock, freePort } from '@dondoc/platform';
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
    sweep = followUpOf(dataSource, api.app.get(NotificationsService, { strict: false }));

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
      /^As of 2027-03-01: \d+ newly overdue, \d+ due soon, \d+ reminder\(s\), \d+ escalation\(s\); \d+ notification\(s\), \d+ e-mail\(s\) sent; \d+ report request\(s\), \d+ report reminder\(s\), \d+ assignment\(s\) frozen at cut-off, \d+ inspection follow-up\(s\)\.$/m,
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
      WORKER_PORT: String(await freePort()),
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

describe('reporting periods: report requests, report reminders and cut-off snapshots', () => {
  // The test's calendar is this clock; the database stamps `created_at` with its own, so
  // each document's assignments are dated to the clock's day (see `publish`).
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  const dataDir = mkdtempSync(join(tmpdir(), 'dondoc-periods-'));
  let api: RunningApi;
  let dataSource: DataSource;
  let sweep: FollowUpService;
  let snapshots: PeriodSnapshotsService;
  let konTum: Awaited<ReturnType<Given['konTum']>>;
  let office: Session;
  let womensUnion: Session;
  let farmers: Session;

  const call = async <T>(session: Session, query: string, variables?: Record<string, unknown>) => {
    const { body } = await graphql<T>(api.url, query, variables, session.headers);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  };

  let documents = 0;
  /** Publishes a conclusion whose tasks go to these bodies; returns the assignment ids in task order. */
  async function publish(
    plan: { organization: 'kt.pn' | 'kt.nd'; cadence: string; dueDate: string | null; text: string }[],
  ): Promise<{ documentId: string; assignmentIds: string[] }> {
    documents += 1;
    const number = `${800 + documents}-KL/TU`;
    const text = `TỈNH ỦY KON TUM
*
Số ${number}
ĐẢNG CỘNG SẢN VIỆT NAM
Kon Tum, ngày 20 tháng 11 năm 2026
KẾT LUẬN
về chế độ báo cáo định kỳ

Ban Thường vụ Tỉnh ủy yêu cầu:
${plan.map((task, index) => `${index + 1}. ${task.text}`).join('\n')}
`;
    const { importDocument } = await call<{
      importDocument: { id: string; tasks: { id: string; number: string }[] };
    }>(office, 'mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id number } } }', {
      i: { text },
    });
    for (const task of importDocument.tasks) {
      const { organization, cadence, dueDate } = plan[Number(task.number) - 1]!;
      await call(
        office,
        'mutation ($t: ID!, $a: [AssigneeInput!]!) { setTaskAssignees(taskId: $t, assignees: $a) { id } }',
        { t: task.id, a: [{ organizationId: konTum.get(organization)!.id, role: 'LEAD', cadence, dueDate }] },
      );
    }
    await call(office, 'mutation ($id: ID!) { publishDocument(id: $id) { id } }', { id: importDocument.id });
    await dataSource.query('UPDATE assignments SET created_at = $1 WHERE document_id = $2', [
      clock.now(),
      importDocument.id,
    ]);
    const rows = (await dataSource.query(
      `SELECT a.id FROM assignments a JOIN tasks t ON t.id = a.task_id
        WHERE a.document_id = $1 ORDER BY t.position`,
      [importDocument.id],
    )) as { id: string }[];
    expect(rows).toHaveLength(plan.length);
    return { documentId: importDocument.id, assignmentIds: rows.map((row) => row.id) };
  }

  const submitReport = (session: Session, assignmentId: string, period: string, percentComplete: number) =>
    call<{ submitProgressReport: { id: string } }>(
      session,
      'mutation ($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) { id } }',
      { i: { assignmentId, period, percentComplete, results: 'Đã triển khai theo kế hoạch.' } },
    );

  const reportsOf = async (assignmentId: string) =>
    (await dataSource.query(
      `SELECT period, status, percent_complete AS "percentComplete"
         FROM progress_reports WHERE assignment_id = $1 ORDER BY period`,
      [assignmentId],
    )) as { period: string; status: string; percentComplete: number }[];

  /** What a body's officer finds in the inbox about one assignment, of one kind. */
  const inbox = async (session: Session, kind: string, assignmentId: string) =>
    (
      await call<{ allNotifications: { message: string; assignment: { id: string } | null }[] }>(
        session,
        'query ($f: NotificationFilter) { allNotifications(filter: $f, perPage: 1000) { message assignment { id } } }',
        { f: { kind } },
      )
    ).allNotifications
      .filter((notification) => notification.assignment?.id === assignmentId)
      .map((notification) => notification.message);

  const snapshotOf = async (period: string, assignmentId: string) =>
    (await dataSource.query(
      `SELECT status, timeliness, percent_complete AS "percentComplete", due_date::text AS "dueDate",
              taken_on::text AS "takenOn"
         FROM period_snapshots WHERE period = $1 AND assignment_id = $2`,
      [period, assignmentId],
    )) as Record<string, unknown>[];

  beforeAll(async () => {
    api = await bootApi({ DATA_DIR: dataDir }, { clock });
    dataSource = api.app.get(DataSource);
    const given = new Given(api.app);
    konTum = await given.konTum();
    await api.app.get(DemoUsers).ensure();
    office = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    womensUnion = await signIn(api.url, 'phunu@dondoc.local', DEMO_PASSWORD);
    farmers = await signIn(
      api.url,
      (await given.user(Role.ORG_OFFICER, konTum.get('kt.nd')!)).email,
      TEST_PASSWORD,
    );
    const notifications = api.app.get(NotificationsService, { strict: false });
    sweep = followUpOf(dataSource, notifications);
    snapshots = new PeriodSnapshotsService(dataSource);
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a quarterly assignment gets its report slot and one request when the quarter opens, and nothing more after', async () => {
    const {
      assignmentIds: [assignmentId],
    } = await publish([
      {
        organization: 'kt.pn',
        cadence: 'QUARTERLY',
        dueDate: '2027-12-31',
        text: 'Hội Liên hiệp Phụ nữ tỉnh triển khai đề án hỗ trợ phụ nữ khởi nghiệp, báo cáo hằng quý.',
      },
    ]);
    await submitReport(womensUnion, assignmentId!, '2026-Q4', 30);

    const first = await sweep.sweep('2027-01-05');
    expect(first.reportRequests).toBeGreaterThanOrEqual(1);
    // The pending slot of the quarter, at the percent the work stands at.
    expect(await reportsOf(assignmentId!)).toEqual([
      { period: '2026-Q4', status: 'SUBMITTED', percentComplete: 30 },
      { period: '2027-Q1', status: 'DRAFT', percentComplete: 30 },
    ]);
    const requests = await inbox(womensUnion, 'REPORT_REQUESTED', assignmentId!);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/quý I\/2027/);
    expect(requests[0]).toMatch(/20\/03\/2027/);

    expect((await sweep.sweep('2027-01-06')).reportRequests).toBe(0);
    await sweep.sweep('2027-02-10');
    expect(await reportsOf(assignmentId!)).toHaveLength(2);
    expect(await inbox(womensUnion, 'REPORT_REQUESTED', assignmentId!)).toHaveLength(1);
  });

  it('a report-due reminder arrives once per threshold, and not when the report is already submitted', async () => {
    const {
      assignmentIds: [continuous, dated],
    } = await publish([
      {
        organization: 'kt.pn',
        cadence: 'QUARTERLY',
        dueDate: null,
        text: 'Hội Liên hiệp Phụ nữ tỉnh thường xuyên tuyên truyền pháp luật cho hội viên, báo cáo hằng quý.',
      },
      {
        organization: 'kt.nd',
        cadence: 'QUARTERLY',
        dueDate: '2027-12-31',
        text: 'Hội Nông dân tỉnh xây dựng mô hình kinh tế tập thể, báo cáo hằng quý.',
      },
    ]);
    await sweep.sweep('2027-01-05'); // the first quarter opens
    await submitReport(farmers, dated!, '2027-Q1', 50); // the Farmers' Association reports early

    // The report is due on 20 March: 7 days before, then the day before.
    await sweep.sweep('2027-03-12');
    expect(await inbox(womensUnion, 'REPORT_DUE_REMINDER', continuous!)).toEqual([]);
    const first = await sweep.sweep('2027-03-13');
    expect(first.reportReminders).toBeGreaterThanOrEqual(1);
    const reminders = await inbox(womensUnion, 'REPORT_DUE_REMINDER', continuous!);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatch(/quý I\/2027/);
    expect(reminders[0]).toMatch(/20\/03\/2027/);
    await sweep.sweep('2027-03-13');
    await sweep.sweep('2027-03-15');
    expect(await inbox(womensUnion, 'REPORT_DUE_REMINDER', continuous!)).toHaveLength(1);
    await sweep.sweep('2027-03-19');
    await sweep.sweep('2027-03-20');
    expect(await inbox(womensUnion, 'REPORT_DUE_REMINDER', continuous!)).toHaveLength(2);

    expect(await inbox(farmers, 'REPORT_DUE_REMINDER', dated!)).toEqual([]);
    expect(
      Number(
        (
          await dataSource.query(
            `SELECT count(*) AS n FROM assignment_transitions WHERE assignment_id = $1 AND kind = 'REPORT_DUE_REMINDER'`,
            [dated],
          )
        )[0].n,
      ),
    ).toBe(0);
  });

  it('the cut-off snapshot of a period does not change when the assignment changes later', async () => {
    const {
      documentId,
      assignmentIds: [quarterly, withoutCadence],
    } = await publish([
      {
        organization: 'kt.nd',
        cadence: 'QUARTERLY',
        dueDate: '2026-12-31',
        text: 'Hội Nông dân tỉnh tổng kết phong trào nông dân sản xuất, kinh doanh giỏi, báo cáo hằng quý.',
      },
      {
        organization: 'kt.pn',
        cadence: 'NONE',
        dueDate: '2026-12-10',
        text: 'Hội Liên hiệp Phụ nữ tỉnh rà soát danh sách hội viên.',
      },
    ]);
    const report = await submitReport(farmers, quarterly!, '2026-Q4', 40);

    // Before the 14 December cut-off nothing of the quarter is frozen.
    await sweep.sweep('2026-12-13');
    expect((await snapshots.figures('2026-Q4', { documentId })).total).toBe(0);

    await sweep.sweep('2026-12-14');
    const frozen = {
      quarterly: [
        {
          status: 'IN_PROGRESS',
          timeliness: 'ON_TRACK',
          percentComplete: 40,
          dueDate: '2026-12-31',
          takenOn: '2026-12-14',
        },
      ],
      // Work without a cadence is frozen by quarter too: overdue since 10 December.
      withoutCadence: [
        {
          status: 'NOT_STARTED',
          timeliness: 'OVERDUE',
          percentComplete: 0,
          dueDate: '2026-12-10',
          takenOn: '2026-12-14',
        },
      ],
    };
    expect({
      quarterly: await snapshotOf('2026-Q4', quarterly!),
      withoutCadence: await snapshotOf('2026-Q4', withoutCadence!),
    }).toEqual(frozen);
    const figures = await snapshots.figures('2026-Q4', { documentId });
    expect(figures).toMatchObject({
      period: '2026-Q4',
      total: 2,
      byTimeliness: { ON_TRACK: 1, OVERDUE: 1, COMPLETED_ON_TIME: 0 },
      byOrganization: [
        { organizationId: konTum.get('kt.pn')!.id, total: 1, counts: { OVERDUE: 1 } },
        { organizationId: konTum.get('kt.nd')!.id, total: 1, counts: { ON_TRACK: 1 } },
      ],
    });

    // Later the report is accepted and the work completed and confirmed.
    await call(office, 'mutation ($id: ID!) { reviewProgressReport(id: $id, decision: ACCEPT) { id } }', {
      id: report.submitProgressReport.id,
    });
    await call(
      farmers,
      'mutation ($a: ID!) { requestCompletion(assignmentId: $a, summary: "Đã tổng kết xong.") { id } }',
      { a: quarterly },
    );
    const { decideCompletion } = await call<{ decideCompletion: { status: string; timeliness: string } }>(
      office,
      'mutation ($a: ID!) { decideCompletion(assignmentId: $a, accept: true) { status timeliness } }',
      { a: quarterly },
    );
    expect(decideCompletion.status).toBe('COMPLETED');

    for (const day of ['2026-12-14', '2026-12-20', '2027-01-10', '2027-03-14']) await sweep.sweep(day);
    expect({
      quarterly: await snapshotOf('2026-Q4', quarterly!),
      withoutCadence: await snapshotOf('2026-Q4', withoutCadence!),
    }).toEqual(frozen);
    expect(await snapshots.figures('2026-Q4', { documentId })).toEqual(figures);
    // The next quarter's figures show the change.
    expect(await snapshotOf('2027-Q1', quarterly!)).toMatchObject([
      { status: 'COMPLETED', timeliness: 'COMPLETED_ON_TIME' },
    ]);
  });

  it('report slots and snapshots made by two sweeps at once are made once', async () => {
    const {
      assignmentIds: [monthly, withoutCadence],
    } = await publish([
      {
        organization: 'kt.pn',
        cadence: 'MONTHLY',
        dueDate: null,
        text: 'Hội Liên hiệp Phụ nữ tỉnh nắm tình hình tư tưởng hội viên, báo cáo hằng tháng.',
      },
      {
        organization: 'kt.nd',
        cadence: 'NONE',
        dueDate: '2027-06-30',
        text: 'Hội Nông dân tỉnh hoàn thành đề án thành lập quỹ hỗ trợ nông dân.',
      },
    ]);
    const total = async (table: string) =>
      Number((await dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
    const before = { reports: await total('progress_reports'), snapshots: await total('period_snapshots') };

    // 14 February: the month's report slot opens and its figures are cut off the same day.
    const [a, b] = await Promise.all([sweep.sweep('2027-02-14'), sweep.sweep('2027-02-14')]);

    expect((await reportsOf(monthly!)).filter((report) => report.period === '2027-02')).toEqual([
      { period: '2027-02', status: 'DRAFT', percentComplete: 0 },
    ]);
    expect(await snapshotOf('2027-02', monthly!)).toHaveLength(1);
    expect(await snapshotOf('2026-Q4', withoutCadence!)).toHaveLength(1);
    expect(await inbox(womensUnion, 'REPORT_REQUESTED', monthly!)).toHaveLength(1);
    // Each row was written by exactly one of the two.
    expect(a.reportRequests + b.reportRequests).toBe((await total('progress_reports')) - before.reports);
    expect(a.snapshots + b.snapshots).toBe((await total('period_snapshots')) - before.snapshots);
    expect(a.snapshots + b.snapshots).toBeGreaterThanOrEqual(2);
  });
});

/** The sweep as the worker runs it, with the services it calls. */
function followUpOf(dataSource: DataSource, notifications: NotificationsService): FollowUpService {
  return new FollowUpService(
    dataSource,
    notifications,
    new ReportRequestsService(dataSource, notifications),
    new PeriodSnapshotsService(dataSource),
    new InspectionFollowUpsService(dataSource, notifications),
  );
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
