import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Organization } from '@dondoc/organizations';
import { FixedClock } from '@dondoc/platform';
import { bootApi, Given, graphql, type RunningApi, Role, signIn, TEST_PASSWORD } from '@dondoc/test-support';

/**
 * Inspections over GraphQL: the office gives task 1 of the seed to the Women's Union (due
 * 10 March 2027) and to the Farmers' Union (due 20 March); on 15 March the first is 5 days
 * overdue and the second at risk. An inspector records a finding, which officers and
 * supervisors may not; the board shows both; the inspector resolves the finding.
 */
const SEED = readFileSync(
  join(process.cwd(), 'libs/ingestion/test-documents/seed/kon-tum-410-BC-TU-2019.txt'),
  'utf8',
);

type Session = Awaited<ReturnType<typeof signIn>>;
interface GraphqlBody<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const RECORD = `mutation ($i: RecordInspectionInput!) {
  recordInspection(input: $i) { id status severity finding remedy followUpDate version inspector { name } assignment { id } }
}`;
const RESOLVE =
  'mutation ($id: ID!, $note: String!) { resolveInspection(id: $id, note: $note) { id status resolutionNote resolvedAt resolvedBy { name } version } }';
const BOARD = `{ inspectionBoard {
  asOf groups { organization { name } overdue atRisk items { assignment { id } daysOverdue escalationLevel inspectionStatus } }
} }`;

describe('inspections over GraphQL', () => {
  const clock = new FixedClock('2027-03-01T02:00:00Z');
  let api: RunningApi;
  let given: Given;
  let konTum: Map<string, Organization>;
  const sessions: Record<string, Session> = {};
  const emails: Record<string, string> = {};
  let unionAssignment: string;
  let farmersAssignment: string;
  let inspectionId: string;

  const as = async <T>(who: string, query: string, variables?: Record<string, unknown>) =>
    (await graphql<T>(api.url, query, variables, sessions[who]!.headers)).body as GraphqlBody<T>;
  const ok = async <T>(who: string, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const body = await as<T>(who, query, variables);
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  };
  const signInAll = async () => {
    for (const [who, email] of Object.entries(emails))
      sessions[who] = await signIn(api.url, email, TEST_PASSWORD);
  };
  const finding = (assignmentId: string, followUpDate = '2027-03-31') => ({
    i: {
      assignmentId,
      finding: 'Chưa tổ chức quán triệt Chỉ thị đến chi hội cơ sở',
      severity: 'HIGH',
      remedy: 'Tổ chức quán triệt, báo cáo kết quả về Ủy ban Kiểm tra',
      followUpDate,
    },
  });

  beforeAll(async () => {
    api = await bootApi({}, { clock });
    given = new Given(api.app);
    konTum = await given.konTum();
    const seats: [string, Role, string][] = [
      ['office', Role.SUPERVISOR, 'kt.tu.vp'],
      ['inspector', Role.INSPECTOR, 'kt.tu.ubkt'],
      ['union', Role.ORG_OFFICER, 'kt.pn'],
      ['farmers', Role.ORG_OFFICER, 'kt.nd'],
    ];
    for (const [who, role, key] of seats) emails[who] = (await given.user(role, konTum.get(key)!)).email;
    await signInAll();

    // Task 1 of the seed alone, to the Women's Union (lead) and the Farmers' Union.
    const { importDocument } = await ok<{
      importDocument: { id: string; tasks: { id: string; number: string }[] };
    }>('office', 'mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id number } } }', {
      i: { text: SEED },
    });
    for (const task of importDocument.tasks.filter((t) => !t.number.includes('.') && t.number !== '1')) {
      await ok('office', 'mutation ($id: ID!) { deleteTask(id: $id) { id } }', { id: task.id });
    }
    await ok('office', 'mutation ($id: ID!) { deleteTask(id: $id) { id } }', {
      id: importDocument.tasks.find((t) => t.number === '1.1')!.id,
    });
    const taskId = importDocument.tasks.find((t) => t.number === '1')!.id;
    await ok('office', 'mutation ($id: ID!) { updateTask(id: $id, kind: SHARED) { id } }', { id: taskId });
    await ok(
      'office',
      `mutation ($t: ID!, $u: ID!, $f: ID!) { setTaskAssignees(taskId: $t, assignees: [
        { organizationId: $u, role: LEAD, dueDate: "2027-03-10" },
        { organizationId: $f, role: LEAD, dueDate: "2027-03-20" }]) { id } }`,
      { t: taskId, u: konTum.get('kt.pn')!.id, f: konTum.get('kt.nd')!.id },
    );
    await ok('office', 'mutation ($id: ID!) { publishDocument(id: $id) { id } }', { id: importDocument.id });
    const { allAssignments } = await ok<{ allAssignments: { id: string; organization: { id: string } }[] }>(
      'office',
      'query ($t: ID!) { allAssignments(filter: { taskId: $t }) { id organization { id } } }',
      { t: taskId },
    );
    unionAssignment = allAssignments.find((a) => a.organization.id === konTum.get('kt.pn')!.id)!.id;
    farmersAssignment = allAssignments.find((a) => a.organization.id === konTum.get('kt.nd')!.id)!.id;

    // Two weeks later (access tokens last 15 minutes).
    clock.set('2027-03-15T02:00:00Z');
    await signInAll();
  });
  afterAll(() => api?.close());

  it('lets an inspector record a finding, and refuses officers and supervisors', async () => {
    for (const who of ['union', 'office']) {
      const refused = await as(who, RECORD, finding(unionAssignment));
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const past = await as('inspector', RECORD, finding(unionAssignment, '2027-03-14'));
    expect(past.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(past.errors?.[0]?.message).toBe(
      'Ngày theo dõi khắc phục không được ở trong quá khứ (hôm nay là 2027-03-15)',
    );

    const { recordInspection } = await ok<{ recordInspection: Record<string, unknown> & { id: string } }>(
      'inspector',
      RECORD,
      finding(unionAssignment),
    );
    inspectionId = recordInspection.id;
    expect(recordInspection).toMatchObject({
      status: 'OPEN',
      severity: 'HIGH',
      followUpDate: '2027-03-31',
      version: 1,
      inspector: { name: 'INSPECTOR UBKT Tỉnh ủy' },
      assignment: { id: unionAssignment },
    });
  });

  it("shows the finding to the Union on its assignment, not to another body's officer", async () => {
    const { Assignment } = await ok<{
      Assignment: {
        openInspectionCount: number;
        inspections: { id: string; finding: string; inspector: unknown }[];
      };
    }>(
      'union',
      'query ($id: ID!) { Assignment(id: $id) { openInspectionCount inspections { id finding inspector { name } } } }',
      {
        id: unionAssignment,
      },
    );
    // The inspector belongs to the commission, outside the Union's subtree: not named to it.
    expect(Assignment).toEqual({
      openInspectionCount: 1,
      inspections: [
        { id: inspectionId, finding: 'Chưa tổ chức quán triệt Chỉ thị đến chi hội cơ sở', inspector: null },
      ],
    });
    const list = '{ allInspections { id } _allInspectionsMeta { count } }';
    expect(await ok('union', list)).toEqual({
      allInspections: [{ id: inspectionId }],
      _allInspectionsMeta: { count: 1 },
    });
    expect(await ok('farmers', list)).toEqual({ allInspections: [], _allInspectionsMeta: { count: 0 } });
    const hidden = await as('farmers', 'query ($id: ID!) { Inspection(id: $id) { id } }', {
      id: inspectionId,
    });
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("puts the overdue and the at-risk work on the inspectors' board, most overdue first", async () => {
    const { inspectionBoard } = await ok<{ inspectionBoard: { asOf: string; groups: unknown[] } }>(
      'inspector',
      BOARD,
    );
    expect(inspectionBoard.asOf).toBe('2027-03-15T02:00:00.000Z');
    expect(inspectionBoard.groups).toEqual([
      {
        organization: { name: 'Hội Liên hiệp Phụ nữ tỉnh' },
        overdue: 1,
        atRisk: 0,
        items: [
          {
            assignment: { id: unionAssignment },
            daysOverdue: 5,
            escalationLevel: 0,
            inspectionStatus: 'OPEN',
          },
        ],
      },
      {
        organization: { name: 'Hội Nông dân tỉnh' },
        overdue: 0,
        atRisk: 1,
        items: [
          {
            assignment: { id: farmersAssignment },
            daysOverdue: 0,
            escalationLevel: 0,
            inspectionStatus: 'NONE',
          },
        ],
      },
    ]);
    // An officer's board is their own body's.
    const farmers = await ok<{ inspectionBoard: { groups: { organization: { name: string } }[] } }>(
      'farmers',
      BOARD,
    );
    expect(farmers.inspectionBoard.groups.map((group) => group.organization.name)).toEqual([
      'Hội Nông dân tỉnh',
    ]);
  });

  it('lets the inspector resolve the finding once, with a note', async () => {
    const refused = await as('union', RESOLVE, { id: inspectionId, note: 'Đã xong' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { resolveInspection } = await ok<{ resolveInspection: Record<string, unknown> }>(
      'inspector',
      RESOLVE,
      {
        id: inspectionId,
        note: 'Đã tổ chức quán triệt ngày 12/3',
      },
    );
    expect(resolveInspection).toEqual({
      id: inspectionId,
      status: 'RESOLVED',
      resolutionNote: 'Đã tổ chức quán triệt ngày 12/3',
      resolvedAt: '2027-03-15T02:00:00.000Z',
      resolvedBy: { name: 'INSPECTOR UBKT Tỉnh ủy' },
      version: 2,
    });
    const again = await as('inspector', RESOLVE, { id: inspectionId, note: 'Lần nữa' });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const { inspectionBoard } = await ok<{
      inspectionBoard: { groups: { items: { inspectionStatus: string }[] }[] };
    }>('inspector', BOARD);
    expect(inspectionBoard.groups[0]!.items[0]!.inspectionStatus).toBe('RESOLVED');
    const { Assignment } = await ok<{ Assignment: { openInspectionCount: number } }>(
      'union',
      'query ($id: ID!) { Assignment(id: $id) { openInspectionCount } }',
      { id: unionAssignment },
    );
    expect(Assignment.openInspectionCount).toBe(0);
  });
});
