import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { DEMO_PASSWORD, DemoUsers, Role } from '@dondoc/identity';
import { FixedClock } from '@dondoc/platform';
import {
  bootApi,
  countStatements,
  Given,
  graphql,
  type RunningApi,
  signIn,
  TEST_PASSWORD,
} from '@dondoc/test-support';

const SEED = readFileSync(
  join(process.cwd(), 'libs/ingestion/test-documents/seed/kon-tum-410-BC-TU-2019.txt'),
  'utf8',
);
type Session = Awaited<ReturnType<typeof signIn>>;

describe('assignment rules over the API', () => {
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  let api: RunningApi;
  let office: Session;
  let admin: Session;
  let officer: Session;
  let org: Map<string, { id: string }>;
  let task1: string;

  const call = async <T>(who: Session, query: string, variables?: Record<string, unknown>) =>
    (await graphql<T>(api.url, query, variables, who.headers)).body;
  const ok = async <T>(who: Session, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const body = await call<T>(who, query, variables);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  };

  beforeAll(async () => {
    api = await bootApi({}, { clock });
    const given = new Given(api.app);
    const konTum = await given.konTum();
    org = new Map([...konTum].map(([key, o]) => [key, { id: o.id }]));
    await api.app.get(DemoUsers).ensure();
    office = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    admin = await signIn(api.url, 'admin@dondoc.local', DEMO_PASSWORD);
    officer = await signIn(
      api.url,
      (await given.user(Role.ORG_OFFICER, konTum.get('kt.pn')!)).email,
      TEST_PASSWORD,
    );

    const { importDocument } = await ok<{
      importDocument: { id: string; tasks: { id: string; number: string }[] };
    }>(office, 'mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id number } } }', {
      i: { text: SEED },
    });
    for (const task of importDocument.tasks) {
      await ok(office, 'mutation ($t: ID!) { setTaskAssignees(taskId: $t, assignees: []) { id } }', {
        t: task.id,
      });
    }
    task1 = importDocument.tasks.find((t) => t.number === '1')!.id;
    await ok(office, 'mutation ($id: ID!) { publishDocument(id: $id) { id } }', { id: importDocument.id });
    // 30 bodies take task 1: enough for two pages of 25.
    const keys = [...org.keys()].filter((key) => key.startsWith('kt.') && key !== 'kt.tu');
    const province = keys.filter((key) => key.split('.').length === 2); // the Front, the organizations, UBND…
    const thirty = [...province, ...keys.filter((key) => key.split('.').length === 3)]
      .slice(0, 30)
      .map((key) => [key, org.get(key)!] as const);
    await ok(office, 'mutation ($i: AssignTaskInput!) { assignTask(input: $i) { id } }', {
      i: {
        taskId: task1,
        organizationIds: thirty.map(([, o]) => o.id),
        role: 'COORDINATE',
        dueDate: '2027-03-31',
        cadence: 'QUARTERLY',
      },
    });
  });
  afterAll(() => api?.close());

  it('serves a page of assignments with task, document and organizations in ONE SQL statement', async () => {
    const dataSource = api.app.get(DataSource);
    const page = async (perPage: number) => {
      let rows = 0;
      const statements = await countStatements(dataSource, async () => {
        const data = await ok<{ allAssignments: unknown[] }>(
          office,
          `query ($n: Int) { allAssignments(perPage: $n) { id timeliness task { id text } document { id number text } organization { id name } assignedBy { id name } } }`,
          { n: perPage },
        );
        rows = data.allAssignments.length;
      });
      return { rows, statements };
    };
    const five = await page(5);
    const twentyFive = await page(25);
    expect(five.rows).toBe(5);
    expect(twentyFive.rows).toBe(25);
    // The page and its relations are one statement (signing in is a token: no statement).
    expect(five.statements).toBe(1);
    expect(twentyFive.statements).toBe(1);
    process.stdout.write(
      `assignment list page of 25 with task, document, organization: ${twentyFive.statements} SQL statements\n`,
    );
  });

  it('finds assignments by task text and organization name without diacritics or tone placement', async () => {
    const count = async (q: string) =>
      (
        await ok<{ _allAssignmentsMeta: { count: number } }>(
          office,
          'query ($q: String) { _allAssignmentsMeta(filter: { q: $q }) { count } }',
          { q },
        )
      )._allAssignmentsMeta.count;
    const all = await count('');
    expect(await count('cong tac dan van')).toBe(all); // task 1 is about "công tác dân vận"
    expect(await count('hoi lien hiep phu nu tinh')).toBe(1);
    expect(await count('Hội Liên hiệp Phụ nữ tỉnh')).toBe(1);
    expect(await count('không có việc này')).toBe(0);
  });

  it('refuses an extension decided by the person who requested it', async () => {
    const { allAssignments } = await ok<{ allAssignments: { id: string }[] }>(
      admin,
      '{ allAssignments(perPage: 1) { id } }',
    );
    const { requestExtension } = await ok<{ requestExtension: { id: string } }>(
      admin,
      'mutation ($a: ID!) { requestExtension(assignmentId: $a, proposedDueDate: "2027-06-30", reason: "Thử") { id } }',
      { a: allAssignments[0]!.id },
    );
    const self = await call(admin, 'mutation ($id: ID!) { decideExtension(id: $id, approve: true) { id } }', {
      id: requestExtension.id,
    });
    expect(self.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(self.errors?.[0]?.message).toMatch(/Người đề nghị gia hạn không được tự quyết định/);
  });

  it('delegates to bodies below, refuses bodies that are not, and rolls the parts up into the parent', async () => {
    const parent = (
      await ok<{ allAssignments: { id: string }[] }>(
        office,
        'query ($o: ID!) { allAssignments(filter: { organizationId: $o }) { id } }',
        {
          o: org.get('kt.pn')!.id,
        },
      )
    ).allAssignments[0]!.id;
    const sideways = await call(
      officer,
      'mutation ($a: ID!, $o: [ID!]!) { delegateAssignment(assignmentId: $a, organizationIds: $o) { id } }',
      {
        a: parent,
        o: [org.get('kt.dh.nd')!.id],
      },
    );
    expect(sideways.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(sideways.errors?.[0]?.message).toMatch(/chỉ giao tiếp cho cấp dưới/);
    const { delegateAssignment } = await ok<{ delegateAssignment: { id: string; dueDate: string }[] }>(
      officer,
      'mutation ($a: ID!, $o: [ID!]!) { delegateAssignment(assignmentId: $a, organizationIds: $o) { id dueDate } }',
      { a: parent, o: [org.get('kt.dh.pn')!.id, org.get('kt.dt.pn')!.id] },
    );
    expect(delegateAssignment.map((part) => part.dueDate)).toEqual(['2027-03-31', '2027-03-31']);
    await ok(
      officer,
      'mutation ($a: ID!) { submitProgressReport(input: { assignmentId: $a, period: "2026-Q4", percentComplete: 60 }) { id } }',
      {
        a: delegateAssignment[0]!.id,
      },
    );
    await ok(
      officer,
      'mutation ($a: ID!) { submitProgressReport(input: { assignmentId: $a, period: "2026-Q4", percentComplete: 20 }) { id } }',
      {
        a: delegateAssignment[1]!.id,
      },
    );
    const { Assignment } = await ok<{ Assignment: { percentComplete: number; children: { id: string }[] } }>(
      officer,
      'query ($id: ID!) { Assignment(id: $id) { percentComplete children { id } } }',
      { id: parent },
    );
    expect(Assignment).toEqual({
      percentComplete: 40,
      children: expect.arrayContaining([{ id: delegateAssignment[0]!.id }]),
    });
  });

  it('lets exactly one of two concurrent writers on the same version win; the other learns the current version', async () => {
    const target = (
      await ok<{ allAssignments: { id: string; version: number }[] }>(
        office,
        'query ($o: ID!) { allAssignments(filter: { organizationId: $o }) { id version } }',
        {
          o: org.get('kt.nd')!.id,
        },
      )
    ).allAssignments[0]!;
    const attempt = (percent: number) =>
      call(admin, 'mutation ($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) { id } }', {
        i: {
          assignmentId: target.id,
          period: percent === 10 ? '2026-Q4' : '2027-Q1',
          percentComplete: percent,
          expectedVersion: target.version,
        },
      });
    const results = await Promise.all([attempt(10), attempt(20)]);
    const failures = results.filter((result) => result.errors);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.errors![0]!.extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: target.version + 1,
    });
  });

  it("cancels on the assigner's word only, after which the work is frozen", async () => {
    const target = (
      await ok<{ allAssignments: { id: string }[] }>(
        office,
        'query ($o: ID!) { allAssignments(filter: { organizationId: $o }) { id } }',
        {
          o: org.get('kt.ccb')!.id,
        },
      )
    ).allAssignments[0]!.id;
    const cancelled = await ok<{ cancelAssignment: { status: string; timeliness: string } }>(
      office,
      'mutation ($a: ID!) { cancelAssignment(assignmentId: $a, reason: "Trùng nội dung") { status timeliness } }',
      { a: target },
    );
    expect(cancelled.cancelAssignment).toEqual({ status: 'CANCELLED', timeliness: 'CANCELLED' });
    const afterwards = await call(
      admin,
      'mutation ($a: ID!) { requestCompletion(assignmentId: $a, summary: "x") { id } }',
      { a: target },
    );
    expect(afterwards.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
