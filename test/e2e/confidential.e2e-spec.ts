import { DataSource } from 'typeorm';

import { EventNotifier } from '@dondoc/assignments';
import { ExportGenerator } from '@dondoc/exports';
import { DEMO_PASSWORD, DemoUsers } from '@dondoc/identity';
import { NotificationsService } from '@dondoc/notifications';
import { FixedClock } from '@dondoc/platform';
import { bootApi, Given, graphql, type RunningApi, Role, signIn, TEST_PASSWORD } from '@dondoc/test-support';

import { documentXmlOf, paragraphsOf } from '../../libs/exports/src/testing/docx-text.js';

/**
 * Confidential directives (văn bản mật, issue 14). Kon Tum's office imports a confidential
 * conclusion: task 1 goes to Kon Tum's Women's Union (A), task 2 to the People's Committee,
 * task 3 to the People's Committee and to Gia Lai's Women's Union. The owner's supervisor
 * reads everything; A reads its own task and nothing else; the Farmers' Association (B, not
 * assigned), Gia Lai's supervisor and inspector, and Kon Tum's own inspector read a
 * placeholder with numbers, counts and dates — in documents, tasks, assignments, search,
 * the dashboard, export files and notifications. Marking and unmarking are the owner's,
 * and audited.
 */
const NUMBER = '999-KL/TU';
const TITLE = 'công tác cán bộ năm 2027';
const TASK_1 = 'rà soát hồ sơ nhân sự diện quy hoạch';
const TASK_2 = 'phương án di dời khu tái định cư';
const TASK_3 = 'chương trình hỗ trợ phụ nữ vùng biên giới';
const SECRETS = [TITLE, TASK_1, TASK_2, TASK_3];
/** The same phrases as a search types them: no diacritics. */
const SEARCHES = ['can bo nam 2027', 'ho so nhan su', 'di doi khu tai dinh cu', 'phu nu vung bien gioi'];
const TASK_PLACEHOLDER = `Nhiệm vụ theo văn bản mật số ${NUMBER}`;
const DOCUMENT_PLACEHOLDER = `Văn bản mật số ${NUMBER}`;

const DOCUMENT = `TỈNH ỦY KON TUM
*
Số ${NUMBER}
ĐẢNG CỘNG SẢN VIỆT NAM
Kon Tum, ngày 20 tháng 11 năm 2026
KẾT LUẬN
về ${TITLE}

Ban Thường vụ Tỉnh ủy yêu cầu:
1. Hội Liên hiệp Phụ nữ tỉnh ${TASK_1}, báo cáo trước ngày 31/12/2026.
2. Ủy ban nhân dân tỉnh xây dựng ${TASK_2}, hoàn thành trước ngày 31/03/2027.
3. Ủy ban nhân dân tỉnh triển khai ${TASK_3}, hoàn thành trước ngày 30/06/2027.
`;

type Session = Awaited<ReturnType<typeof signIn>>;
interface Reply<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const DOCUMENT_QUERY = 'query ($id: ID!) { Document(id: $id) { id number confidential title text } }';
const TASKS_QUERY =
  'query ($f: TaskFilter) { allTasks(filter: $f, perPage: 100) { id number text actions suggestedAssignees { reason } } }';
const ASSIGNMENTS_QUERY =
  'query ($f: AssignmentFilter) { allAssignments(filter: $f, perPage: 100) { id task { number text } } }';
const SET_CONFIDENTIAL =
  'mutation ($id: ID!, $c: Boolean!) { setDocumentConfidential(id: $id, confidential: $c) { id confidential } }';

describe('a confidential directive', () => {
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  let api: RunningApi;
  let dataSource: DataSource;
  let documentId: string;
  const taskIds: Record<string, string> = {};
  const who = {} as Record<
    | 'owner'
    | 'admin'
    | 'unionA'
    | 'farmersB'
    | 'foreignSupervisor'
    | 'foreignInspector'
    | 'foreignUnion'
    | 'inspector',
    Session
  >;

  const as = async <T>(session: Session, query: string, variables?: Record<string, unknown>) =>
    (await graphql<T>(api.url, query, variables, session.headers)).body as Reply<T>;
  const ok = async <T>(session: Session, query: string, variables?: Record<string, unknown>) => {
    const reply = await as<T>(session, query, variables);
    if (reply.errors || !reply.data) throw new Error(JSON.stringify(reply.errors));
    return reply.data;
  };

  beforeAll(async () => {
    api = await bootApi({}, { clock });
    dataSource = api.app.get(DataSource);
    const given = new Given(api.app);
    const konTum = await given.konTum();
    const gl = await given.otherProvince();
    await api.app.get(DemoUsers).ensure();
    const user = async (role: Role, key: string | 'gl.tu' | 'gl.pn') => {
      const organization = key === 'gl.tu' ? gl.root : key === 'gl.pn' ? gl.womensUnion : konTum.get(key)!;
      return signIn(api.url, (await given.user(role, organization)).email, TEST_PASSWORD);
    };
    who.owner = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    who.admin = await signIn(api.url, 'admin@dondoc.local', DEMO_PASSWORD);
    who.unionA = await signIn(api.url, 'phunu@dondoc.local', DEMO_PASSWORD);
    who.inspector = await signIn(api.url, 'kiemtra@dondoc.local', DEMO_PASSWORD);
    who.farmersB = await user(Role.ORG_OFFICER, 'kt.nd');
    who.foreignSupervisor = await user(Role.SUPERVISOR, 'gl.tu');
    who.foreignInspector = await user(Role.INSPECTOR, 'gl.tu');
    who.foreignUnion = await user(Role.ORG_OFFICER, 'gl.pn');

    const { importDocument } = await ok<{
      importDocument: { id: string; confidential: boolean; tasks: { id: string; number: string }[] };
    }>(
      who.owner,
      'mutation ($i: DocumentInput!) { importDocument(input: $i) { id confidential tasks { id number } } }',
      { i: { text: DOCUMENT, confidential: true } },
    );
    expect(importDocument.confidential).toBe(true);
    documentId = importDocument.id;
    for (const task of importDocument.tasks) taskIds[task.number] = task.id;
    expect(Object.keys(taskIds).sort()).toEqual(['1', '2', '3']);
    const plan = { '1': 'kt.pn', '2': 'kt.ubnd', '3': 'kt.ubnd' } as const;
    for (const [number, key] of Object.entries(plan)) {
      await ok(
        who.owner,
        'mutation ($t: ID!, $o: ID!) { setTaskAssignees(taskId: $t, assignees: [{ organizationId: $o, role: LEAD, dueDate: "2027-06-30" }]) { id } }',
        { t: taskIds[number], o: konTum.get(key)!.id },
      );
    }
    await ok(who.owner, 'mutation ($id: ID!) { publishDocument(id: $id) { id } }', { id: documentId });
    // Task 3 also goes to Gia Lai's Women's Union: Gia Lai's people now see the document.
    await ok(who.admin, 'mutation ($i: AssignTaskInput!) { assignTask(input: $i) { id } }', {
      i: { taskId: taskIds['3'], organizationIds: [gl.womensUnion.id], role: 'COORDINATE' },
    });
    // Publishing's domain events become notifications, as the worker would make them.
    const notifier = new EventNotifier(dataSource, api.app.get(NotificationsService, { strict: false }));
    const events = (await dataSource.query('SELECT id, topic, subject, payload FROM outbox ORDER BY id')) as {
      id: string;
      topic: string;
      subject: string;
      payload: Record<string, unknown>;
    }[];
    for (const event of events) {
      await notifier.handle({
        outboxId: event.id,
        topic: event.topic,
        subject: event.subject,
        payload: event.payload,
      });
    }
  });
  afterAll(() => api?.close());

  /** Everything a caller is shown about the document, in one object, to look for the secrets in. */
  const everythingSeenBy = async (session: Session) => ({
    document: await as(session, DOCUMENT_QUERY, { id: documentId }),
    list: await as(session, '{ allDocuments(perPage: 100) { id title text } }'),
    tasks: await as(session, TASKS_QUERY, { f: { documentId } }),
    task: await as(session, 'query ($id: ID!) { Task(id: $id) { text } }', { id: taskIds['2'] }),
    assignments: await as(session, ASSIGNMENTS_QUERY, { f: { documentId } }),
    viaDocument: await as(
      session,
      'query ($id: ID!) { Document(id: $id) { tasks { text children { text } } } }',
      {
        id: documentId,
      },
    ),
  });

  const textsOf = (reply: Reply<{ allTasks: { number: string; text: string }[] }>) =>
    Object.fromEntries((reply.data?.allTasks ?? []).map((task) => [task.number, task.text]));

  it("lets the owner's supervisor read the document and every task", async () => {
    const seen = await everythingSeenBy(who.owner);
    const { Document } = seen.document.data as {
      Document: { title: string; text: string; confidential: boolean };
    };
    expect(Document.confidential).toBe(true);
    expect(Document.title).toContain(TITLE);
    expect(Document.text).toContain(TASK_2);
    const texts = textsOf(seen.tasks as Reply<{ allTasks: { number: string; text: string }[] }>);
    expect(texts['1']).toContain(TASK_1);
    expect(texts['2']).toContain(TASK_2);
    expect(texts['3']).toContain(TASK_3);
    const found = await ok<{ allDocuments: { id: string }[] }>(
      who.owner,
      'query ($q: String) { allDocuments(filter: { q: $q }) { id } }',
      { q: SEARCHES[0] },
    );
    expect(found.allDocuments.map((d) => d.id)).toEqual([documentId]);
  });

  it("lets the assigned body's officer read its own task, and nothing else of the document", async () => {
    const seen = await everythingSeenBy(who.unionA);
    expect(seen.document.data).toEqual({
      Document: {
        id: documentId,
        number: NUMBER,
        confidential: true,
        title: DOCUMENT_PLACEHOLDER,
        text: DOCUMENT_PLACEHOLDER,
      },
    });
    const texts = textsOf(seen.tasks as Reply<{ allTasks: { number: string; text: string }[] }>);
    expect(texts['1']).toContain(TASK_1);
    expect(texts['2']).toBe(TASK_PLACEHOLDER);
    expect(texts['3']).toBe(TASK_PLACEHOLDER);
    const { allAssignments } = seen.assignments.data as { allAssignments: { task: { text: string } }[] };
    expect(allAssignments.map((a) => a.task.text)).toEqual([expect.stringContaining(TASK_1)]);
    expect(JSON.stringify(seen)).not.toContain(TASK_2);
    expect(JSON.stringify(seen)).not.toContain(TASK_3);
    expect(JSON.stringify(seen)).not.toContain(TITLE);
    // Its own task is found by its words; the others' words find nothing.
    const search = async (q: string) =>
      (
        await ok<{ allTasks: { id: string }[] }>(
          who.unionA,
          'query ($q: String) { allTasks(filter: { q: $q }) { id } }',
          { q },
        )
      ).allTasks.map((t) => t.id);
    expect(await search(SEARCHES[1]!)).toEqual([taskIds['1']]);
    expect(await search(SEARCHES[2]!)).toEqual([]);
  });

  it("lets Gia Lai's Women's Union read the task it was given, only", async () => {
    const seen = await everythingSeenBy(who.foreignUnion);
    const texts = textsOf(seen.tasks as Reply<{ allTasks: { number: string; text: string }[] }>);
    expect(texts['3']).toContain(TASK_3);
    expect(texts['1']).toBe(TASK_PLACEHOLDER);
    expect(JSON.stringify(seen)).not.toContain(TASK_1);
    expect(JSON.stringify(seen)).not.toContain(TITLE);
  });

  it.each([
    ['a Kon Tum inspector', 'inspector'],
    ["Gia Lai's supervisor", 'foreignSupervisor'],
    ["Gia Lai's inspector", 'foreignInspector'],
  ] as const)('shows %s placeholders with numbers and dates only', async (_label, key) => {
    const seen = await everythingSeenBy(who[key]);
    for (const secret of SECRETS) expect(JSON.stringify(seen)).not.toContain(secret);
    expect(seen.document.data).toMatchObject({
      Document: { number: NUMBER, confidential: true, title: DOCUMENT_PLACEHOLDER },
    });
    const texts = textsOf(seen.tasks as Reply<{ allTasks: { number: string; text: string }[] }>);
    expect(texts).toEqual({ '1': TASK_PLACEHOLDER, '2': TASK_PLACEHOLDER, '3': TASK_PLACEHOLDER });
    const { allAssignments } = seen.assignments.data as { allAssignments: { task: { text: string } }[] };
    expect(allAssignments.length).toBeGreaterThan(0);
    expect(new Set(allAssignments.map((a) => a.task.text))).toEqual(new Set([TASK_PLACEHOLDER]));
  });

  it.each([
    ['the unassigned Farmers’ Association', 'farmersB'],
    ['a Kon Tum inspector', 'inspector'],
    ["Gia Lai's supervisor", 'foreignSupervisor'],
    ["Gia Lai's inspector", 'foreignInspector'],
  ] as const)('finds nothing by its words for %s', async (_label, key) => {
    for (const q of SEARCHES) {
      const found = await ok<{ d: { id: string }[]; t: { id: string }[]; a: { id: string }[] }>(
        who[key],
        `query ($q: String) {
           d: allDocuments(filter: { q: $q }) { id }
           t: allTasks(filter: { q: $q }) { id }
           a: allAssignments(filter: { q: $q }) { id }
         }`,
        { q },
      );
      expect({ q, ...found }).toEqual({ q, d: [], t: [], a: [] });
    }
  });

  it('keeps the document out of sight of a body that has no work from it', async () => {
    const seen = await everythingSeenBy(who.farmersB);
    expect(seen.document.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const secret of SECRETS) expect(JSON.stringify(seen)).not.toContain(secret);
  });

  it('shows the dashboard counts and nothing more', async () => {
    for (const session of [who.inspector, who.foreignSupervisor, who.unionA]) {
      const { dashboard } = await ok<{ dashboard: { total: number } }>(
        session,
        'query ($f: DashboardFilter) { dashboard(filter: $f) { total byTimeliness { timeliness count } byOrganization { organization { name } total } } }',
        { f: { documentId } },
      );
      expect(dashboard.total).toBeGreaterThan(0);
      for (const secret of SECRETS) expect(JSON.stringify(dashboard)).not.toContain(secret);
    }
  });

  it('writes export files with the placeholder for whom may not read it, and the text for the owner', async () => {
    const exported = async (session: Session, format: 'CSV' | 'DOCX' | 'XLSX') => {
      const { exportReport } = await ok<{ exportReport: { id: string } }>(
        session,
        'mutation ($i: ExportReportInput!) { exportReport(input: $i) { id } }',
        { i: { documentId, format } },
      );
      await api.app.get(ExportGenerator, { strict: false }).generate(exportReport.id);
      const { Export } = await ok<{ Export: { url: string } }>(
        session,
        'query ($id: ID!) { Export(id: $id) { url status } }',
        { id: exportReport.id },
      );
      const response = await fetch(`${api.url}${Export.url}`, { headers: session.headers });
      expect(response.status).toBe(200);
      const content = Buffer.from(await response.arrayBuffer());
      return format === 'DOCX'
        ? paragraphsOf(await documentXmlOf(content))
            .map((p) => p.text)
            .join('\n')
        : content.toString('utf8');
    };
    for (const session of [who.inspector, who.foreignSupervisor]) {
      const csv = await exported(session, 'CSV');
      expect(csv).toContain(TASK_PLACEHOLDER);
      const docx = await exported(session, 'DOCX');
      expect(docx).toContain(NUMBER);
      for (const secret of SECRETS) expect(`${csv}\n${docx}`).not.toContain(secret);
    }
    const owners = await exported(who.owner, 'CSV');
    expect(owners).toContain(TASK_1);
    expect(owners).not.toContain(TASK_PLACEHOLDER);
    expect(await exported(who.owner, 'DOCX')).toContain(TITLE);
  });

  it('keeps the text out of every notification and e-mail, the assignee’s own included', async () => {
    const rows = (await dataSource.query(
      `SELECT n.subject, n.message FROM notifications n JOIN assignments a ON a.id = n.assignment_id
        WHERE a.document_id = $1`,
      [documentId],
    )) as { subject: string; message: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.message).toContain(TASK_PLACEHOLDER);
      for (const secret of SECRETS) expect(`${row.subject}\n${row.message}`).not.toContain(secret);
    }
    const { allNotifications } = await ok<{ allNotifications: { message: string }[] }>(
      who.unionA,
      '{ allNotifications { message } }',
    );
    expect(allNotifications.length).toBeGreaterThan(0);
    for (const { message } of allNotifications) expect(message).toContain(TASK_PLACEHOLDER);
  });

  it('withholds what the assignee reported, asked or summed up from whom may not read the task', async () => {
    const REPORTED = 'Đã rà soát 40 hồ sơ';
    const { allAssignments } = await ok<{ allAssignments: { id: string }[] }>(
      who.unionA,
      'query ($f: AssignmentFilter) { allAssignments(filter: $f) { id } }',
      { f: { documentId } },
    );
    const assignmentId = allAssignments[0]!.id;
    await ok(
      who.unionA,
      'mutation ($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) { id } }',
      { i: { assignmentId, period: '2026-Q4', percentComplete: 40, results: REPORTED } },
    );
    await ok(
      who.unionA,
      'mutation ($id: ID!, $r: String!) { requestExtension(assignmentId: $id, proposedDueDate: "2027-09-30", reason: $r) { id } }',
      { id: assignmentId, r: REPORTED },
    );
    await ok(
      who.unionA,
      'mutation ($id: ID!, $s: String!) { requestCompletion(assignmentId: $id, summary: $s) { id } }',
      { id: assignmentId, s: REPORTED },
    );
    const READ = `query ($id: ID!) {
      allProgressReports(filter: { assignmentId: $id }) { percentComplete results }
      Assignment(id: $id) { status completionSummary reports: progressReports { results } extensionRequests { reason proposedDueDate } }
    }`;
    const seenBy = async (session: Session) => as(session, READ, { id: assignmentId });
    const own = await seenBy(who.unionA);
    expect(JSON.stringify(own)).toContain(REPORTED);
    const owners = await seenBy(who.owner);
    expect(JSON.stringify(owners)).toContain(REPORTED);
    const inspectors = (await seenBy(who.inspector)) as Reply<{
      allProgressReports: { percentComplete: number; results: string }[];
      Assignment: { status: string; completionSummary: string | null };
    }>;
    expect(inspectors.errors).toBeUndefined();
    expect(inspectors.data?.allProgressReports).toEqual([{ percentComplete: 40, results: '' }]);
    expect(inspectors.data?.Assignment).toMatchObject({
      status: 'COMPLETION_REQUESTED',
      completionSummary: '',
      extensionRequests: [{ reason: '', proposedDueDate: '2027-09-30' }],
    });
    expect(JSON.stringify(inspectors)).not.toContain(REPORTED);
  });

  it("hides the document's words in the audit trail from whom may not read them", async () => {
    const AUDIT =
      'query ($f: AuditEventFilter) { allAuditEvents(filter: $f, perPage: 100) { action entityType before after } }';
    const owners = await ok<{ allAuditEvents: unknown[] }>(who.owner, AUDIT, {
      f: { entityType: 'document', entityId: documentId },
    });
    expect(JSON.stringify(owners)).toContain(TITLE);
    for (const session of [who.inspector, who.foreignInspector]) {
      const seen = await ok<{ allAuditEvents: { action: string; after: Record<string, unknown> }[] }>(
        session,
        AUDIT,
        { f: {} },
      );
      for (const secret of [...SECRETS, 'Đã rà soát 40 hồ sơ'])
        expect(JSON.stringify(seen)).not.toContain(secret);
      const imported = seen.allAuditEvents.find((e) => e.action === 'document.imported');
      if (session === who.inspector) {
        expect(imported?.after).toMatchObject({
          number: NUMBER,
          title: TASK_PLACEHOLDER,
          confidential: true,
        });
      }
    }
  });

  it('lets only the owner mark and unmark it, and audits both', async () => {
    for (const session of [who.foreignSupervisor, who.unionA, who.inspector, who.foreignUnion]) {
      const refused = await as(session, SET_CONFIDENTIAL, { id: documentId, c: false });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const after = await ok<{ setDocumentConfidential: { confidential: boolean } }>(
      who.owner,
      SET_CONFIDENTIAL,
      {
        id: documentId,
        c: false,
      },
    );
    expect(after.setDocumentConfidential.confidential).toBe(false);
    const lifted = await ok<{ Document: { title: string } }>(who.unionA, DOCUMENT_QUERY, { id: documentId });
    expect(lifted.Document.title).toContain(TITLE);
    await ok(who.owner, SET_CONFIDENTIAL, { id: documentId, c: true });
    const again = await ok<{ Document: { title: string } }>(who.unionA, DOCUMENT_QUERY, { id: documentId });
    expect(again.Document.title).toBe(DOCUMENT_PLACEHOLDER);

    const { allAuditEvents } = await ok<{
      allAuditEvents: { action: string; before: unknown; after: unknown; actorId: string }[];
    }>(
      who.owner,
      'query ($f: AuditEventFilter) { allAuditEvents(filter: $f) { action before after actorId } }',
      { f: { entityType: 'document', entityId: documentId } },
    );
    expect(allAuditEvents.map((e) => [e.action, e.before, e.after])).toEqual(
      expect.arrayContaining([
        ['document.imported', null, expect.objectContaining({ confidential: true })],
        ['document.unmarked_confidential', { confidential: true }, { confidential: false }],
        ['document.marked_confidential', { confidential: false }, { confidential: true }],
      ]),
    );
  });
});
