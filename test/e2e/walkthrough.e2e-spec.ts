import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_PASSWORD, DemoUsers } from '@dondoc/identity';
import { FixedClock } from '@dondoc/platform';
import { bootApi, Given, graphql, type RunningApi, signIn } from '@dondoc/test-support';

/**
 * The walkthrough of DOMAIN.md, steps 1–6 and the dashboard of step 7, with the seed
 * document and the demo users, asserting what each role sees. (Notifications and exports
 * have issues of their own.)
 */
const SEED = readFileSync(
  join(process.cwd(), 'libs/ingestion/test-documents/seed/kon-tum-410-BC-TU-2019.txt'),
  'utf8',
);

type Session = Awaited<ReturnType<typeof signIn>>;

describe('the walkthrough', () => {
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  let api: RunningApi;
  let office: Session;
  let womensUnion: Session;
  let inspector: Session;
  let org: Map<string, { id: string; name: string }>;
  let documentId: string;

  const as = async <T>(session: Session, query: string, variables?: Record<string, unknown>) => {
    const { body } = await graphql<T>(api.url, query, variables, session.headers);
    return body;
  };
  const ok = async <T>(session: Session, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const body = await as<T>(session, query, variables);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  };

  beforeAll(async () => {
    api = await bootApi({}, { clock });
    const konTum = await new Given(api.app).konTum();
    org = new Map([...konTum].map(([key, o]) => [key, { id: o.id, name: o.name }]));
    await api.app.get(DemoUsers).ensure();
    office = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    womensUnion = await signIn(api.url, 'phunu@dondoc.local', DEMO_PASSWORD);
    inspector = await signIn(api.url, 'kiemtra@dondoc.local', DEMO_PASSWORD);
  });
  afterAll(() => api?.close());

  it('1. the office imports the document and sees its header, sections, footnotes, citations and tasks with suggestions', async () => {
    const parsed = await ok<{
      parseDocument: { header: { number: string }; footnotes: unknown[]; tasks: unknown[] };
    }>(
      office,
      `mutation ($input: DocumentInput!) { parseDocument(input: $input) { header { number } footnotes { index } tasks { number } } }`,
      { input: { fileName: 'kon-tum-410-BC-TU-2019.txt', text: SEED } },
    );
    expect(parsed.parseDocument.header.number).toBe('410-BC/TU');
    expect(
      await ok<{ _allDocumentsMeta: { count: number } }>(office, '{ _allDocumentsMeta { count } }'),
    ).toEqual({
      _allDocumentsMeta: { count: 0 }, // parsing stores nothing
    });

    const { importDocument } = await ok<{
      importDocument: Record<string, unknown> & { id: string; tasks: TaskView[] };
    }>(
      office,
      `mutation ($input: DocumentInput!) {
        importDocument(input: $input) {
          id number type issuer place date title status
          signer { onBehalfOf position name }
          sections { number heading } tasksSection { number heading } footnotes references
          tasks { id number text kind parent { id } suggestedAssignees { organization { name } role reason } }
        }
      }`,
      { input: { fileName: 'kon-tum-410-BC-TU-2019.txt', fileBase64: Buffer.from(SEED).toString('base64') } },
    );
    documentId = importDocument.id;
    expect(importDocument).toMatchObject({
      number: '410-BC/TU',
      type: 'BÁO CÁO',
      issuer: 'TỈNH ỦY KON TUM',
      place: 'Kon Tum',
      date: '2019-05-13',
      status: 'DRAFT',
      signer: { onBehalfOf: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: 'A Pớt' },
      tasksSection: { number: 'IV', heading: 'NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI' },
    });
    expect((importDocument.sections as unknown[]).length).toBe(4);
    expect((importDocument.footnotes as unknown[]).length).toBe(18);
    expect((importDocument.references as { number: string }[]).map((r) => r.number)).toEqual(
      expect.arrayContaining(['25-NQ/TW', '05-CT/TW', '290-QĐ/TW', '1386-QĐ/TU', '114-KL/TW', '16/CT-TTg']),
    );
    const tasks = importDocument.tasks;
    expect(tasks.map((t) => t.number)).toEqual(['1', '1.1', '2', '2.1', '3', '3.1', '3.2']);
    expect(tasks.filter((t) => t.parent === null)).toHaveLength(3);
    const suggested = (number: string) =>
      tasks.find((t) => t.number === number)!.suggestedAssignees.map((s) => s.organization.name);
    expect(suggested('1')).toEqual(
      expect.arrayContaining(['Ban Dân vận Tỉnh ủy', 'Huyện ủy Đăk Hà', 'Thành ủy Kon Tum']),
    );
    expect(suggested('1.1')).toContain('Ủy ban Kiểm tra Tỉnh ủy');
    expect(suggested('2')).toContain('Ủy ban nhân dân tỉnh');
    expect(suggested('3')).toEqual(
      expect.arrayContaining([
        'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
        'Tỉnh đoàn',
        'Hội Liên hiệp Phụ nữ tỉnh',
        'Hội Nông dân tỉnh',
        'Hội Cựu chiến binh tỉnh',
        'Liên đoàn Lao động tỉnh',
      ]),
    );
    // The Women's Union sees no draft: nothing is assigned to it yet.
    expect(await ok(womensUnion, '{ _allDocumentsMeta { count } }')).toEqual({
      _allDocumentsMeta: { count: 0 },
    });
  });

  it('2. the office edits the suggestions, sets due dates and a quarterly cadence, and publishes', async () => {
    const tasks = await taskIds();
    const districtCommittees = [...org.entries()]
      .filter(([key]) => /^kt\.\w+\.(hu|thu)$/.test(key))
      .map(([, o]) => o.id);
    expect(districtCommittees).toHaveLength(10);
    const plan = (ids: string[], role = 'LEAD') =>
      ids.map((organizationId) => ({ organizationId, role, dueDate: '2027-03-31', cadence: 'QUARTERLY' }));
    const setAssignees = `mutation ($taskId: ID!, $assignees: [AssigneeInput!]!) { setTaskAssignees(taskId: $taskId, assignees: $assignees) { id } }`;

    const five = ['kt.mttq', 'kt.td', 'kt.pn', 'kt.nd', 'kt.ccb', 'kt.ldld'].map((key) => org.get(key)!.id);
    const jointTask = `mutation ($id: ID!) { updateTask(id: $id, kind: JOINT) { kind } }`;
    for (const [number, assignees] of [
      ['1', [...plan([org.get('kt.tu.bdv')!.id]), ...plan(districtCommittees, 'COORDINATE')]],
      ['1.1', plan([org.get('kt.tu.ubkt')!.id])],
      ['2', [...plan([org.get('kt.ubnd')!.id]), ...plan(five, 'COORDINATE')]],
      ['2.1', plan([org.get('kt.ubnd')!.id])],
    ] as const) {
      await ok(office, setAssignees, { taskId: tasks[number], assignees });
      await ok(office, jointTask, { id: tasks[number] });
    }
    // A joint task takes one lead: a second is refused with a clear error.
    const twoLeads = await as(office, setAssignees, {
      taskId: tasks['2'],
      assignees: plan([org.get('kt.ubnd')!.id, org.get('kt.mttq')!.id]),
    });
    expect(twoLeads.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(twoLeads.errors?.[0]?.message).toMatch(/chỉ có một cơ quan chủ trì/);
    // The Front and the five organizations share tasks 3 and 3.1, each leading its own part.
    for (const number of ['3', '3.1']) {
      await ok(office, 'mutation ($id: ID!) { updateTask(id: $id, kind: SHARED) { kind } }', {
        id: tasks[number],
      });
      await ok(office, setAssignees, { taskId: tasks[number], assignees: plan(five) });
    }
    await ok(office, 'mutation ($id: ID!) { deleteTask(id: $id) { id } }', { id: tasks['3.2'] });

    const published = await ok<{ publishDocument: { status: string } }>(
      office,
      'mutation ($id: ID!) { publishDocument(id: $id) { status } }',
      { id: documentId },
    );
    expect(published.publishDocument.status).toBe('PUBLISHED');
    const again = await as(office, 'mutation ($id: ID!) { publishDocument(id: $id) { status } }', {
      id: documentId,
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const afterPublish = await as(office, 'mutation ($id: ID!) { updateTask(id: $id, text: "x") { id } }', {
      id: tasks['1'],
    });
    expect(afterPublish.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const { allAssignments } = await ok<{
      allAssignments: { organization: { name: string }; role: string; status: string; cadence: string }[];
    }>(
      office,
      'query ($d: ID!) { allAssignments(perPage: 100, filter: { documentId: $d }) { organization { name } role status cadence } }',
      { d: documentId },
    );
    expect(allAssignments).toHaveLength(11 + 1 + 7 + 1 + 6 + 6);
    const names = new Set(allAssignments.map((a) => a.organization.name));
    for (const name of [
      'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
      'Hội Liên hiệp Phụ nữ tỉnh',
      'Ủy ban nhân dân tỉnh',
      "Huyện ủy Ia H'Drai",
      'Thành ủy Kon Tum',
    ]) {
      expect(names).toContain(name);
    }
    expect(allAssignments.every((a) => a.status === 'NOT_STARTED' && a.cadence === 'QUARTERLY')).toBe(true);
  });

  it("3. the Women's Union sees only its work and reports 40 % for the quarter", async () => {
    const { allAssignments } = await ok<{ allAssignments: AssignmentView[] }>(
      womensUnion,
      `{ allAssignments(perPage: 100) { ${ASSIGNMENT} } }`,
    );
    expect(allAssignments.length).toBe(3); // task 2 as a coordinator, tasks 3 and 3.1 as a lead
    expect(new Set(allAssignments.map((a) => a.organization.name))).toEqual(
      new Set(['Hội Liên hiệp Phụ nữ tỉnh']),
    );
    expect(
      (await ok<{ _allDocumentsMeta: { count: number } }>(womensUnion, '{ _allDocumentsMeta { count } }'))
        ._allDocumentsMeta.count,
    ).toBe(1);

    const own = allAssignments.find((a) => a.task.text.startsWith('3. Thường xuyên tuyên truyền'))!;
    expect(own).toMatchObject({ role: 'LEAD', timeliness: 'ON_TRACK', dueDate: '2027-03-31', version: 1 });

    // Someone else's assignment does not exist for the Union.
    const farmers = await ok<{ allAssignments: { id: string }[] }>(
      office,
      'query ($o: ID!) { allAssignments(filter: { organizationId: $o }) { id } }',
      {
        o: org.get('kt.nd')!.id,
      },
    );
    const foreign = await as(womensUnion, SUBMIT, {
      input: { assignmentId: farmers.allAssignments[0]!.id, period: '2026-Q4', percentComplete: 10 },
    });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const report = await ok<{ submitProgressReport: { id: string; status: string } }>(womensUnion, SUBMIT, {
      input: {
        assignmentId: own.id,
        period: '2026-Q4',
        percentComplete: 40,
        results: 'Đã tổ chức 12 hội nghị tuyên truyền',
        expectedVersion: 1,
      },
    });
    expect(report.submitProgressReport.status).toBe('SUBMITTED');
    const after = await ok<{ Assignment: AssignmentView }>(
      womensUnion,
      `query ($id: ID!) { Assignment(id: $id) { ${ASSIGNMENT} } }`,
      { id: own.id },
    );
    expect(after.Assignment).toMatchObject({ status: 'IN_PROGRESS', percentComplete: 40, version: 2 });

    // A stale version is a conflict naming the current one.
    const stale = await as(womensUnion, SUBMIT, {
      input: { assignmentId: own.id, period: '2027-Q1', percentComplete: 50, expectedVersion: 1 },
    });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    // Officers do not review reports.
    const review = await as(womensUnion, REVIEW, { id: report.submitProgressReport.id, decision: 'ACCEPT' });
    expect(review.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('4. the office returns the report with a comment; the Union resubmits; the office accepts', async () => {
    const { allProgressReports } = await ok<{
      allProgressReports: { id: string; status: string; assignment: { id: string } }[];
    }>(office, '{ allProgressReports(filter: { status: [SUBMITTED] }) { id status assignment { id } } }');
    expect(allProgressReports).toHaveLength(1);
    const [report] = allProgressReports;
    const noComment = await as(office, REVIEW, { id: report!.id, decision: 'RETURN' });
    expect(noComment.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const returned = await ok<{ reviewProgressReport: { status: string; reviewComment: string } }>(
      office,
      REVIEW,
      {
        id: report!.id,
        decision: 'RETURN',
        comment: 'Bổ sung số liệu hội viên tham gia',
      },
    );
    expect(returned.reviewProgressReport).toEqual({
      status: 'RETURNED',
      reviewComment: 'Bổ sung số liệu hội viên tham gia',
    });

    const resubmitted = await ok<{
      submitProgressReport: { id: string; status: string; percentComplete: number };
    }>(womensUnion, SUBMIT, {
      input: {
        assignmentId: report!.assignment.id,
        period: '2026-Q4',
        percentComplete: 45,
        results: 'Đã tổ chức 12 hội nghị, 1.250 hội viên tham gia',
      },
    });
    expect(resubmitted.submitProgressReport).toEqual({
      id: report!.id,
      status: 'SUBMITTED',
      percentComplete: 45,
    });
    const accepted = await ok<{ reviewProgressReport: { status: string } }>(office, REVIEW, {
      id: report!.id,
      decision: 'ACCEPT',
    });
    expect(accepted.reviewProgressReport.status).toBe('ACCEPTED');
    const twice = await as(womensUnion, SUBMIT, {
      input: { assignmentId: report!.assignment.id, period: '2026-Q4', percentComplete: 50 },
    });
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('asks for an extension that only the assigner may decide; the due date moves, the baseline stays', async () => {
    const own = await unionLeadAssignment();
    const { requestExtension } = await ok<{ requestExtension: { id: string; status: string } }>(
      womensUnion,
      'mutation ($a: ID!) { requestExtension(assignmentId: $a, proposedDueDate: "2027-06-30", reason: "Chờ kết quả đại hội") { id status } }',
      { a: own.id },
    );
    const self = await as(
      womensUnion,
      'mutation ($id: ID!) { decideExtension(id: $id, approve: true) { status } }',
      { id: requestExtension.id },
    );
    expect(self.errors?.[0]?.extensions?.code).toBe('FORBIDDEN'); // officers may not decide at all
    await ok(
      office,
      'mutation ($id: ID!) { decideExtension(id: $id, approve: true, comment: "Đồng ý") { status } }',
      { id: requestExtension.id },
    );
    expect(await unionLeadAssignment()).toMatchObject({
      dueDate: '2027-06-30',
      baselineDueDate: '2027-03-31',
    });
    // The assignment page reads its history through the assignment itself.
    const history = await ok<{
      Assignment: { progressReports: { status: string }[]; extensionRequests: { status: string }[] };
    }>(
      womensUnion,
      'query ($a: ID!) { Assignment(id: $a) { progressReports { status } extensionRequests { status } } }',
      {
        a: own.id,
      },
    );
    expect(history.Assignment.extensionRequests).toEqual([{ status: 'APPROVED' }]);
    expect(history.Assignment.progressReports.map((r) => r.status)).toContain('ACCEPTED');
  });

  it("5. when a due date passes the item is OVERDUE, for the Union and on the inspectors' view", async () => {
    clock.set('2027-04-05T03:00:00Z');
    // Months later people sign in again (access tokens last 15 minutes).
    office = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    womensUnion = await signIn(api.url, 'phunu@dondoc.local', DEMO_PASSWORD);
    inspector = await signIn(api.url, 'kiemtra@dondoc.local', DEMO_PASSWORD);
    const overdue =
      '{ allAssignments(perPage: 100, filter: { timeliness: [OVERDUE] }) { organization { name } daysOverdue task { number } } }';
    const seenByUnion = await ok<{
      allAssignments: { organization: { name: string }; daysOverdue: number; task: { number: string } }[];
    }>(womensUnion, overdue);
    // The lead part (extended to 30 June) is not late; the coordinating parts due 31 March are.
    expect(seenByUnion.allAssignments.map((a) => a.task.number).sort()).toEqual(['2', '3.1']);
    expect(seenByUnion.allAssignments.every((a) => a.daysOverdue === 5)).toBe(true);
    const seenByInspector = await ok<{ allAssignments: { organization: { name: string } }[] }>(
      inspector,
      overdue,
    );
    expect(seenByInspector.allAssignments.length).toBeGreaterThan(seenByUnion.allAssignments.length);
    expect(seenByInspector.allAssignments.map((a) => a.organization.name)).toContain(
      'Hội Liên hiệp Phụ nữ tỉnh',
    );
  });

  it("6. an inspector records a finding with a remedy and a follow-up date; it shows on the inspectors' board", async () => {
    const [late] = (
      await ok<{ allAssignments: { id: string; task: { number: string } }[] }>(
        womensUnion,
        '{ allAssignments(filter: { timeliness: [OVERDUE] }) { id task { number } } }',
      )
    ).allAssignments.filter((a) => a.task.number === '2');
    const input = {
      assignmentId: late!.id,
      finding: 'Chưa xây dựng kế hoạch thực hiện; chưa báo cáo kết quả quý I/2027',
      severity: 'MEDIUM',
      remedy: 'Xây dựng kế hoạch, báo cáo kết quả về Ủy ban Kiểm tra Tỉnh ủy',
      followUpDate: '2027-04-30',
    };
    const record =
      'mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) { id status followUpDate inspector { name } } }';
    // Only the inspectors record findings: not the Union, not the office.
    for (const session of [womensUnion, office]) {
      expect((await as(session, record, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const { recordInspection } = await ok<{
      recordInspection: { id: string; status: string; followUpDate: string; inspector: { name: string } };
    }>(inspector, record, { input });
    expect(recordInspection).toMatchObject({ status: 'OPEN', followUpDate: '2027-04-30' });

    // The Union sees the finding on its assignment.
    const { Assignment } = await ok<{
      Assignment: { openInspectionCount: number; inspections: { remedy: string }[] };
    }>(
      womensUnion,
      'query ($id: ID!) { Assignment(id: $id) { openInspectionCount inspections { remedy } } }',
      { id: late!.id },
    );
    expect(Assignment).toEqual({ openInspectionCount: 1, inspections: [{ remedy: input.remedy }] });

    // On the board: the Union's two late parts, 5 days overdue, the one inspected OPEN.
    const { inspectionBoard } = await ok<{
      inspectionBoard: {
        groups: {
          organization: { name: string };
          overdue: number;
          items: { assignment: { id: string }; daysOverdue: number; inspectionStatus: string }[];
        }[];
      };
    }>(
      inspector,
      `query ($d: ID!) { inspectionBoard(filter: { documentId: $d }) {
        groups { organization { name } overdue items { assignment { id } daysOverdue inspectionStatus } }
      } }`,
      { d: documentId },
    );
    const union = inspectionBoard.groups.find(
      (group) => group.organization.name === 'Hội Liên hiệp Phụ nữ tỉnh',
    )!;
    expect(union.overdue).toBe(2);
    expect(union.items.map((item) => item.daysOverdue)).toEqual([5, 5]);
    expect(union.items.find((item) => item.assignment.id === late!.id)!.inspectionStatus).toBe('OPEN');
    expect(union.items.filter((item) => item.inspectionStatus === 'NONE')).toHaveLength(1);
    // Every group's items are as late as the group says, most overdue groups first.
    const worst = inspectionBoard.groups.map((group) => group.items[0]?.daysOverdue ?? 0);
    expect(worst).toEqual([...worst].sort((a, b) => b - a));
  });

  it('7. the dashboard counts by timeliness and by organization, and they match the records', async () => {
    const { dashboard } = await ok<{ dashboard: DashboardView }>(
      office,
      `query ($d: ID!) { dashboard(filter: { documentId: $d }) {
        total byTimeliness { timeliness count }
        byOrganization { organization { name } total onTrack dueSoon overdue completedOnTime completedLate }
      } }`,
      { d: documentId },
    );
    const { allAssignments } = await ok<{
      allAssignments: { timeliness: string; organization: { name: string } }[];
    }>(
      office,
      'query ($d: ID!) { allAssignments(perPage: 1000, filter: { documentId: $d }) { timeliness organization { name } } }',
      { d: documentId },
    );
    expect(dashboard.total).toBe(allAssignments.length);
    for (const { timeliness, count } of dashboard.byTimeliness) {
      expect(count).toBe(allAssignments.filter((a) => a.timeliness === timeliness).length);
    }
    const union = dashboard.byOrganization.find(
      (row) => row.organization.name === 'Hội Liên hiệp Phụ nữ tỉnh',
    )!;
    expect(union).toMatchObject({ total: 3, overdue: 2, onTrack: 1 });
    const unionView = await ok<{ dashboard: DashboardView }>(
      womensUnion,
      '{ dashboard { total byOrganization { organization { name } } } }',
    );
    expect(unionView.dashboard.total).toBe(3);
    expect(unionView.dashboard.byOrganization.map((row) => row.organization.name)).toEqual([
      'Hội Liên hiệp Phụ nữ tỉnh',
    ]);
  });

  it('completion is asked by the assignee and confirmed by the assigner, on time against the day it was asked', async () => {
    const own = await unionLeadAssignment();
    await ok(
      womensUnion,
      'mutation ($a: ID!) { requestCompletion(assignmentId: $a, summary: "Đã hoàn thành các nội dung") { status } }',
      { a: own.id },
    );
    const decided = await ok<{ decideCompletion: AssignmentView }>(
      office,
      `mutation ($a: ID!) { decideCompletion(assignmentId: $a, accept: true) { ${ASSIGNMENT} } }`,
      { a: own.id },
    );
    expect(decided.decideCompletion).toMatchObject({
      status: 'COMPLETED',
      timeliness: 'COMPLETED_ON_TIME',
      percentComplete: 100,
    });
  });

  async function taskIds(): Promise<Record<string, string>> {
    const { allTasks } = await ok<{ allTasks: { id: string; number: string }[] }>(
      office,
      'query ($d: ID!) { allTasks(perPage: 100, filter: { documentId: $d }) { id number } }',
      { d: documentId },
    );
    return Object.fromEntries(allTasks.map((task) => [task.number, task.id]));
  }

  async function unionLeadAssignment(): Promise<AssignmentView> {
    const { allAssignments } = await ok<{ allAssignments: AssignmentView[] }>(
      womensUnion,
      `{ allAssignments(filter: { role: LEAD }) { ${ASSIGNMENT} } }`,
    );
    return allAssignments.find((a) => a.task.text.startsWith('3. Thường xuyên'))!;
  }
});

const ASSIGNMENT =
  'id role status timeliness dueDate baselineDueDate percentComplete version organization { name } task { number text }';
const SUBMIT = `mutation ($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { id status percentComplete } }`;
const REVIEW = `mutation ($id: ID!, $decision: ReviewDecision!, $comment: String) { reviewProgressReport(id: $id, decision: $decision, comment: $comment) { status reviewComment } }`;

interface TaskView {
  id: string;
  number: string;
  parent: { id: string } | null;
  suggestedAssignees: { organization: { name: string }; role: string; reason: string }[];
}
interface AssignmentView {
  id: string;
  role: string;
  status: string;
  timeliness: string;
  dueDate: string;
  baselineDueDate: string;
  percentComplete: number;
  version: number;
  organization: { name: string };
  task: { number: string; text: string };
}
interface DashboardView {
  total: number;
  byTimeliness: { timeliness: string; count: number }[];
  byOrganization: { organization: { name: string }; total: number; onTrack: number; overdue: number }[];
}
