import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DataSource } from 'typeorm';

import { AuditKey, verifyAuditChain } from '@dondoc/audit';
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

/** Every field of an assignment the entity carries, for comparing a write's answer with a read. */
const FIELDS = `id status role cadence dueDate baselineDueDate nextReportDue percentComplete version weight
  completedOn completionRequestedOn completionSummary cancelReason createdAt updatedAt
  organization { id } task { id } document { id }`;

/**
 * The write paths cut to few round trips (issue 16): what they answer and store is still what
 * a read gives back, with exactly one audit event and one outbox row per change.
 */
describe('lean writes: assignTask and submitProgressReport', () => {
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  let api: RunningApi;
  let office: Session;
  let officer: Session;
  let dataSource: DataSource;
  let taskId: string;
  let officerOrganizationId: string;
  let assigned: { id: string; organization: { id: string } }[];
  let given: Given;
  let konTum: Awaited<ReturnType<Given['konTum']>>;

  const ok = async <T>(who: Session, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const { body } = await graphql<T>(api.url, query, variables, who.headers);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  };

  beforeAll(async () => {
    api = await bootApi({}, { clock });
    dataSource = api.app.get(DataSource);
    given = new Given(api.app);
    konTum = await given.konTum();
    await api.app.get(DemoUsers).ensure();
    office = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    officerOrganizationId = konTum.get('kt.pn')!.id;
    officer = await signIn(
      api.url,
      (await given.user(Role.ORG_OFFICER, konTum.get('kt.pn')!)).email,
      TEST_PASSWORD,
    );
    const { importDocument } = await ok<{ importDocument: { id: string; tasks: { id: string }[] } }>(
      office,
      'mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id } } }',
      { i: { text: SEED } },
    );
    for (const task of importDocument.tasks) {
      await ok(office, 'mutation ($t: ID!) { setTaskAssignees(taskId: $t, assignees: []) { id } }', {
        t: task.id,
      });
    }
    taskId = importDocument.tasks[0].id;
    await ok(office, 'mutation ($id: ID!) { publishDocument(id: $id) { id } }', { id: importDocument.id });
    const bodies = [...konTum]
      .filter(([key]) => key.startsWith('kt.') && key !== 'kt.tu')
      .slice(0, 12)
      .map(([, organization]) => organization.id);
    if (!bodies.includes(officerOrganizationId)) bodies.push(officerOrganizationId);
    ({ assignTask: assigned } = await ok<{ assignTask: typeof assigned }>(
      office,
      `mutation ($i: AssignTaskInput!) { assignTask(input: $i) { ${FIELDS} } }`,
      {
        i: { taskId, organizationIds: bodies, role: 'COORDINATE', dueDate: null, cadence: 'QUARTERLY' },
      },
    ));
  });
  afterAll(() => api?.close());

  it('answers assignTask with the assignments exactly as a read gives them back, one audit event and outbox row each', async () => {
    expect(assigned.length).toBeGreaterThan(10);
    const { allAssignments } = await ok<{ allAssignments: { id: string }[] }>(
      office,
      `query ($ids: [ID!]) { allAssignments(filter: { ids: $ids }, perPage: 100) { ${FIELDS} } }`,
      { ids: assigned.map((assignment) => assignment.id) },
    );
    const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(assigned)).toEqual(byId(allAssignments));
    const [counts] = await dataSource.query<{ audit: number; outbox: number }[]>(
      `SELECT (SELECT count(*)::int FROM audit_events WHERE action = 'assignment.created' AND entity_id = ANY($1)) AS audit,
              (SELECT count(*)::int FROM outbox WHERE topic = 'assignment.created' AND subject = ANY($1)) AS outbox`,
      [assigned.map((assignment) => assignment.id)],
    );
    expect(counts).toEqual({ audit: assigned.length, outbox: assigned.length });
  });

  it('submits a report in a few statements, with one audit event per change and one outbox row, and resubmits after a return', async () => {
    const assignment = assigned.find((a) => a.organization.id === officerOrganizationId)!;
    const submit = () =>
      ok<{ submitProgressReport: { id: string; status: string; version: number } }>(
        officer,
        `mutation ($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) { id status version } }`,
        { i: { assignmentId: assignment.id, period: '2026-Q4', percentComplete: 40, results: 'Đã làm' } },
      );
    let first!: Awaited<ReturnType<typeof submit>>;
    const statements = await countStatements(dataSource, async () => {
      first = await submit();
    });
    // BEGIN, the assignment locked with its document and the period's report, the report, the
    // assignment, the outbox row with its NOTIFY, the chain's turn with the subjects' paths,
    // the audit events, COMMIT: 8 (16 before issue 16).
    expect(statements).toBeLessThanOrEqual(8);
    expect(first.submitProgressReport).toMatchObject({ status: 'SUBMITTED', version: 1 });

    const read = () =>
      ok<{ Assignment: { status: string; percentComplete: number; version: number; nextReportDue: string } }>(
        office,
        'query ($id: ID!) { Assignment(id: $id) { status percentComplete version nextReportDue } }',
        { id: assignment.id },
      );
    expect((await read()).Assignment).toMatchObject({
      status: 'IN_PROGRESS',
      percentComplete: 40,
      version: 2,
      nextReportDue: '2027-03-20', // Q1's report, on the document's due day (20)
    });
    await ok(
      office,
      'mutation ($id: ID!) { reviewProgressReport(id: $id, decision: RETURN, comment: "Thiếu số liệu") { id } }',
      {
        id: first.submitProgressReport.id,
      },
    );
    const again = await submit();
    expect(again.submitProgressReport).toEqual({ ...first.submitProgressReport, version: 3 });

    const events = await dataSource.query<{ action: string; before: unknown; after: { version?: number } }[]>(
      `SELECT action, before, after FROM audit_events
        WHERE entity_id = ANY($1) AND action IN ('report.submitted', 'report.resubmitted', 'assignment.progress_reported')
        ORDER BY id`,
      [[assignment.id, first.submitProgressReport.id]],
    );
    expect(events.map((event) => event.action)).toEqual([
      'report.submitted',
      'assignment.progress_reported',
      'report.resubmitted',
      'assignment.progress_reported',
    ]);
    expect(events[2].before).toMatchObject({ status: 'RETURNED', reviewComment: 'Thiếu số liệu' });
    expect(events[3].after.version).toBe(3);
    const [{ outbox }] = await dataSource.query<{ outbox: number }[]>(
      `SELECT count(*)::int AS outbox FROM outbox WHERE topic = 'report.submitted' AND subject = $1`,
      [assignment.id],
    );
    expect(outbox).toBe(2);
    const chain = await verifyAuditChain(dataSource, { key: api.app.get(AuditKey) });
    expect(chain.firstBroken).toBeNull();
  });

  it('refuses the second of two simultaneous first submissions of one period as a conflict, storing one report', async () => {
    const assignment = assigned.find((a) => a.organization.id !== officerOrganizationId)!;
    const assignee = [...konTum.values()].find((o) => o.id === assignment.organization.id)!;
    const other = await signIn(api.url, (await given.user(Role.ORG_OFFICER, assignee)).email, TEST_PASSWORD);
    const answers = await Promise.all(
      [10, 20].map(async (percentComplete) => {
        const { body } = await graphql<{ submitProgressReport: { id: string } }>(
          api.url,
          `
            mutation ($i: SubmitProgressReportInput!) {
              submitProgressReport(input: $i) {
                id
              }
            }
          `,
          { i: { assignmentId: assignment.id, period: '2026-Q4', percentComplete } },
          other.headers,
        );
        return body;
      }),
    );
    expect(answers.filter((body) => body.data?.submitProgressReport).length).toBe(1);
    const refused = answers.find((body) => body.errors);
    expect(refused?.errors?.[0].extensions?.code).toBe('CONFLICT');
    const [{ reports }] = await dataSource.query<{ reports: number }[]>(
      'SELECT count(*)::int AS reports FROM progress_reports WHERE assignment_id = $1',
      [assignment.id],
    );
    expect(reports).toBe(1);
  });
});
