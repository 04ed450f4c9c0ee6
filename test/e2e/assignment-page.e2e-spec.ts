import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_PASSWORD, DemoUsers } from '@dondoc/identity';
import { FixedClock } from '@dondoc/platform';
import { bootApi, Given, graphql, type RunningApi, Role, signIn, TEST_PASSWORD } from '@dondoc/test-support';

/**
 * The assignment list reads its page with the task, document and organizations in one
 * statement (`readAssignmentPage`) instead of through the per-request loaders. The loaders are
 * the reference for what a caller may see: for every role, the list must show exactly what
 * `Assignment(id)` — whose relations still come from the loaders — shows for each of its rows.
 * The data: a confidential directive of Kon Tum (task 1 to the Women's Union, tasks 2 and 3
 * to the People's Committee, task 3 also to Gia Lai's Women's Union, so Gia Lai sees a
 * document owned out of its scope and a giver out of sight) and the plain seed report.
 */
const SEED = readFileSync(
  join(process.cwd(), 'libs/ingestion/test-documents/seed/kon-tum-410-BC-TU-2019.txt'),
  'utf8',
);
const CONFIDENTIAL = `TỈNH ỦY KON TUM
*
Số 998-KL/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Kon Tum, ngày 20 tháng 11 năm 2026
KẾT LUẬN
về công tác cán bộ năm 2027

Ban Thường vụ Tỉnh ủy yêu cầu:
1. Hội Liên hiệp Phụ nữ tỉnh rà soát hồ sơ nhân sự diện quy hoạch, báo cáo trước ngày 31/12/2026.
2. Ủy ban nhân dân tỉnh xây dựng phương án di dời khu tái định cư, hoàn thành trước ngày 31/03/2027.
3. Ủy ban nhân dân tỉnh triển khai chương trình hỗ trợ phụ nữ vùng biên giới, hoàn thành trước ngày 30/06/2027.
`;

const ORGANIZATION = 'id name shortName kind level aliases active dissolvedOn key createdAt';
const SCALARS = `id role status timeliness daysOverdue dueDate baselineDueDate cadence percentComplete version
  completedOn completionRequestedOn completionSummary nextReportDue cancelReason weight createdAt updatedAt`;
const TASK = 'task { id number text kind cadence dueDate spanStart spanEnd actions references position }';
const FULL_DOCUMENT = `document { id number type issuer place date title status confidential
  signer { onBehalfOf position name } recipients { text purpose } sections { number heading start end }
  tasksSection { number heading } footnotes references text fileName reportCutoffDay reportDueDay
  publishedAt createdAt }`;
const LIGHT_DOCUMENT = 'document { id number title confidential status }';
/** Everything the list can show of a row and its relations; and the console's lighter shape. */
const SHAPES = {
  full: `${SCALARS} ${TASK} ${FULL_DOCUMENT} organization { ${ORGANIZATION} } assignedBy { ${ORGANIZATION} }`,
  light: `id status dueDate ...Relations fragment Relations on Assignment { ... on Assignment { task { id number text } } ${LIGHT_DOCUMENT} organization { id name } }`,
};

const PER_PAGE = 5;
type Session = Awaited<ReturnType<typeof signIn>>;
type Row = Record<string, unknown> & { id: string };

describe('the assignment list page read in one statement', () => {
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  let api: RunningApi;
  const who = {} as Record<string, Session>;

  const ok = async <T>(session: Session, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const { body } = await graphql<T>(api.url, query, variables, session.headers);
    if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  beforeAll(async () => {
    api = await bootApi({}, { clock });
    const given = new Given(api.app);
    const konTum = await given.konTum();
    const gl = await given.otherProvince();
    await api.app.get(DemoUsers).ensure();
    const user = async (role: Role, organization: { id: string }) =>
      signIn(api.url, (await given.user(role, organization as never)).email, TEST_PASSWORD);
    who.admin = await signIn(api.url, 'admin@dondoc.local', DEMO_PASSWORD);
    who.supervisor = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    who.officer = await signIn(api.url, 'phunu@dondoc.local', DEMO_PASSWORD);
    who.inspector = await signIn(api.url, 'kiemtra@dondoc.local', DEMO_PASSWORD);
    who.unassignedOfficer = await user(Role.ORG_OFFICER, konTum.get('kt.nd')!);
    who.foreignSupervisor = await user(Role.SUPERVISOR, gl.root);
    who.foreignInspector = await user(Role.INSPECTOR, gl.root);
    who.foreignOfficer = await user(Role.ORG_OFFICER, gl.womensUnion);

    // The seed report, published with the bodies the reader suggested.
    const seed = await ok<{ importDocument: { id: string } }>(
      who.supervisor,
      'mutation ($i: DocumentInput!) { importDocument(input: $i) { id } }',
      { i: { text: SEED } },
    );
    await ok(who.supervisor, 'mutation ($id: ID!) { publishDocument(id: $id) { id } }', {
      id: seed.importDocument.id,
    });

    const secret = await ok<{ importDocument: { id: string; tasks: { id: string; number: string }[] } }>(
      who.supervisor,
      'mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id number } } }',
      { i: { text: CONFIDENTIAL, confidential: true } },
    );
    const task = Object.fromEntries(secret.importDocument.tasks.map((t) => [t.number, t.id]));
    const plan = { '1': 'kt.pn', '2': 'kt.ubnd', '3': 'kt.ubnd' } as const;
    for (const [number, key] of Object.entries(plan)) {
      await ok(
        who.supervisor,
        'mutation ($t: ID!, $o: ID!) { setTaskAssignees(taskId: $t, assignees: [{ organizationId: $o, role: LEAD, dueDate: "2026-11-15" }]) { id } }',
        { t: task[number], o: konTum.get(key)!.id },
      );
    }
    await ok(who.supervisor, 'mutation ($id: ID!) { publishDocument(id: $id) { id } }', {
      id: secret.importDocument.id,
    });
    await ok(who.admin, 'mutation ($i: AssignTaskInput!) { assignTask(input: $i) { id } }', {
      i: { taskId: task['3'], organizationIds: [gl.womensUnion.id], role: 'COORDINATE' },
    });
  });
  afterAll(() => api?.close());

  /**
   * The list as the caller gets it, page by page, and the same rows one by one through the
   * loaders (pages of 5: the cost limit of a request counts fields times rows).
   */
  async function bothPaths(session: Session, shape: string, filter: Record<string, unknown> = {}) {
    const [selection, fragment = ''] = shape.split(/(?=fragment )/);
    const list: Row[] = [];
    const alone: Row[] = [];
    for (let page = 0; ; page++) {
      const { allAssignments } = await ok<{ allAssignments: Row[] }>(
        session,
        `query ($f: AssignmentFilter, $p: Int) { allAssignments(filter: $f, page: $p, perPage: ${PER_PAGE}, sortField: "dueDate") { ${selection} } } ${fragment}`,
        { f: filter, p: page },
      );
      list.push(...allAssignments);
      const ids = allAssignments.map((row) => row.id);
      if (ids.length > 0) {
        const lookups = ids.map((id, n) => `r${n}: Assignment(id: "${id}") { ${selection} }`).join(' ');
        const found = await ok<Record<string, Row>>(session, `{ ${lookups} } ${fragment}`);
        alone.push(...ids.map((_, n) => found[`r${n}`]!));
      }
      if (allAssignments.length < PER_PAGE) return { list, alone };
    }
  }

  it.each([
    'admin',
    'supervisor',
    'officer',
    'inspector',
    'unassignedOfficer',
    'foreignSupervisor',
    'foreignInspector',
    'foreignOfficer',
  ])('shows %s exactly what the loaders show, row for row', async (role) => {
    for (const shape of [SHAPES.full, SHAPES.light]) {
      const { list, alone } = await bothPaths(who[role]!, shape);
      expect(list).toEqual(alone);
    }
  });

  it('shows the same page under the console’s filters', async () => {
    for (const filter of [{ timeliness: ['OVERDUE'] }, { status: ['NOT_STARTED'] }, { q: 'phu nu' }]) {
      const { list, alone } = await bothPaths(who.supervisor!, SHAPES.full, filter);
      expect(list.length).toBeGreaterThan(0);
      expect(list).toEqual(alone);
    }
  });

  it('covers what it must: hidden task text, a placeholder document and a giver out of sight', async () => {
    /** What the secrets could show in: task texts, document titles and texts (not the long seed). */
    const text = (rows: Row[]) =>
      JSON.stringify(
        rows
          .filter((row) => (row.document as { confidential: boolean }).confidential)
          .map((row) => [row.task, row.document]),
      );
    const officer = (await bothPaths(who.officer!, SHAPES.full)).list;
    const foreign = (await bothPaths(who.foreignOfficer!, SHAPES.full)).list;
    const inspector = (await bothPaths(who.inspector!, SHAPES.full)).list;
    // The Women's Union reads its own confidential task, not the document's text.
    expect(text(officer)).toContain('rà soát hồ sơ nhân sự');
    expect(text(officer)).toContain('Văn bản mật số 998-KL/TU');
    // Kon Tum's inspector reads placeholders only.
    expect(text(inspector)).not.toContain('rà soát hồ sơ nhân sự');
    expect(text(inspector)).toContain('Nhiệm vụ theo văn bản mật số 998-KL/TU');
    // Gia Lai's Women's Union reads its task (it holds an assignment of it); the giver, Kon
    // Tum's committee, is out of its sight.
    const glRow = foreign.find((row) => (row.task as { number: string }).number === '3')!;
    expect((glRow.task as { text: string }).text).toContain('vùng biên giới');
    expect(glRow.assignedBy).toBeNull();
    expect(glRow.organization).not.toBeNull();
  });
});
