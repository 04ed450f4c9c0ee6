import { type ContentReader, taskContentCondition } from '@dondoc/directives';
import { ALL_ORGANIZATIONS, containsPattern, type Organization, scopeCondition } from '@dondoc/organizations';
import type { ListParams } from '@dondoc/platform';
import { bootApi, Given, type RunningApi } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import { type AssignmentFilter, AssignmentQuery } from './assignment-query.js';
import { readAssignmentPage } from './assignment-page.js';
import { WIDE_SEARCH_TASKS } from './assignment-search.sql.js';

/**
 * The list's `q` filter picks one of two plans by how common the phrase is
 * (assignment-search.sql.ts). Whichever it picks, the rows and their order must be those of
 * the plain rule it replaced — task text (when the reader may read it) or organization name,
 * folded, `%` and `_` literal — for every kind of reader, in and out of scope.
 */
describe('assignment search (q)', () => {
  let api: RunningApi;
  let db: DataSource;
  let query: AssignmentQuery;
  let org: Map<string, Organization>;
  let gialai: Organization;

  beforeAll(async () => {
    api = await bootApi();
    db = api.app.get(DataSource);
    query = api.app.get(AssignmentQuery);
    const given = new Given(api.app);
    org = await given.konTum();
    gialai = (await given.otherProvince()).root;
    const office = org.get('kt.tu.vp')!;
    const document = async (owner: Organization, confidential: boolean, number: string) =>
      (
        (await db.query(
          `INSERT INTO documents (status, number, text, owner_organization_id, owner_path, confidential)
           VALUES ('PUBLISHED', $1, 'Văn bản', $2, $3, $4) RETURNING id`,
          [number, owner.id, owner.path, confidential],
        )) as [{ id: string }]
      )[0].id;
    const open = await document(office, false, '1-KL/TU');
    const secret = await document(office, true, '2-KL/TU');
    const elsewhere = await document(gialai, false, '3-KL/TU');
    // Enough "dân vận" tasks for the phrase to count as common (the walk-and-look-up plan),
    // and rare ones for the other plan; LIKE's wildcards as literal text; the same words
    // in a confidential document's tasks and in another province.
    const texts: [string, string][] = [];
    for (let n = 0; n < WIDE_SEARCH_TASKS + 20; n += 1) {
      texts.push([
        open,
        n % 3 === 0 ? `Tăng cường công tác DÂN VẬN số ${n}` : `Nhiệm vụ thường xuyên số ${n}`,
      ]);
      if (n % 2 === 0) texts.push([open, `Làm tốt công tác dân vận chính quyền ${n}`]);
    }
    texts.push(
      [open, 'Đạt 100% kế hoạch'],
      [open, 'Đạt 1000 chỉ tiêu'],
      [open, 'Mã a_b trong hồ sơ'],
      [open, 'Mã axb trong hồ sơ'],
      [open, 'Đường dẫn c:\\d'],
      [secret, 'Công tác dân vận mật'],
      [secret, 'Đạt 100% chỉ tiêu mật'],
      [elsewhere, 'Dân vận Gia Lai'],
    );
    const kontum = [...org.values()].filter((body) => body.path.includes('.')).slice(0, 12);
    for (const [index, [documentId, text]] of texts.entries()) {
      const [{ id: taskId }] = (await db.query(
        'INSERT INTO tasks (document_id, number, position, text) VALUES ($1, $2, $3, $4) RETURNING id',
        [documentId, String(index + 1), index, text],
      )) as [{ id: string }];
      const bodies =
        documentId === elsewhere
          ? [gialai]
          : [kontum[index % kontum.length]!, kontum[(index * 7 + 3) % kontum.length]!];
      for (const [k, body] of [...new Map(bodies.map((b) => [b.id, b])).values()].entries()) {
        // Due dates collide on purpose (the id breaks ties) and some are missing (last).
        const due = (index + k) % 9 === 0 ? null : `2026-0${1 + ((index * 5 + k) % 9)}-1${index % 3}`;
        await db.query(
          `INSERT INTO assignments (task_id, document_id, organization_id, organization_path, assigned_by_organization_id,
                                    role, status, due_date, baseline_due_date, next_report_due)
           VALUES ($1, $2, $3, $4, $5, 'LEAD', 'IN_PROGRESS', $6, $6, CASE WHEN $6::date IS NULL THEN DATE '2026-07-01' END)`,
          [taskId, documentId, body.id, body.path, office.id, due],
        );
      }
    }
  });
  afterAll(() => api?.close());

  /** The list's page as the API reads it, without relations. */
  const list = async (reader: ContentReader, filter: AssignmentFilter, params: ListParams) =>
    (await readAssignmentPage(query, reader, filter, params, {})).map((row) => row.assignment);

  /** The rule as it was before the two plans: every match, in the list's order. */
  const reference = async (reader: ContentReader, q: string, offset: number, limit: number) => {
    const scope = scopeCondition('a.organization_path', reader.scope);
    const readable = taskContentCondition('qt.id', 'qd', reader);
    const rows = (await db
      .createQueryBuilder()
      .select('a.id', 'id')
      .from('assignments', 'a')
      .where(scope.sql, scope.parameters)
      .andWhere(
        `(EXISTS (SELECT 1 FROM tasks qt JOIN documents qd ON qd.id = qt.document_id
                   WHERE qt.id = a.task_id AND qt.search_text LIKE :q ESCAPE '\\' AND ${readable.sql})
          OR EXISTS (SELECT 1 FROM organizations qo WHERE qo.id = a.organization_id AND qo.search_text LIKE :q ESCAPE '\\'))`,
        { ...readable.parameters, q: containsPattern(q) },
      )
      .orderBy('a.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('a.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getRawMany()) as { id: string }[];
    return rows.map((row) => row.id);
  };
  const matchingTasks = async (q: string) =>
    (
      (await db.query('SELECT count(*)::int AS n FROM tasks WHERE search_text LIKE $1', [
        containsPattern(q),
      ])) as [{ n: number }]
    )[0].n;

  const readers = (): [string, ContentReader][] => {
    const province = org.get('kt.tu')!;
    const assignee = [...org.values()].filter((body) => body.path.includes('.'))[0]!;
    return [
      ['an administrator', { scope: ALL_ORGANIZATIONS, organizationId: province.id, roles: ['ADMIN'] }],
      [
        "the owning province's supervisor",
        {
          scope: { kind: 'subtrees', paths: [province.path.split('.')[0]!] },
          organizationId: province.id,
          roles: ['SUPERVISOR'],
        },
      ],
      [
        'a viewer of the province (not cleared for the confidential text)',
        {
          scope: { kind: 'subtrees', paths: [province.path.split('.')[0]!] },
          organizationId: province.id,
          roles: ['VIEWER'],
        },
      ],
      [
        'a viewer of an assignee body (reads its own confidential tasks)',
        {
          scope: { kind: 'subtrees', paths: [assignee.path] },
          organizationId: assignee.id,
          roles: ['VIEWER'],
        },
      ],
      [
        'a viewer of the other province',
        { scope: { kind: 'subtrees', paths: [gialai.path] }, organizationId: gialai.id, roles: ['VIEWER'] },
      ],
    ];
  };

  it.each([
    'dan van',
    'Dân  Vận',
    'DAN VAN CHINH',
    '100%',
    '%',
    '_',
    'a_b',
    'c:\\d',
    'mat',
    'kon tum',
    'gia lai',
    'ủy',
  ])('gives the same rows in the same order as the plain rule for %j', async (q) => {
    for (const [who, reader] of readers()) {
      for (const [page, perPage] of [
        [0, 25],
        [1, 25],
        [0, 500],
      ] as const) {
        const ours = (
          await list(reader, { q }, { page, perPage, sortField: 'dueDate', sortOrder: 'ASC' })
        ).map((a) => a.id);
        expect({ who, page, perPage, ids: ours }).toEqual({
          who,
          page,
          perPage,
          ids: await reference(reader, q, page * perPage, perPage),
        });
      }
    }
  });

  it('counts every match with the hashed sets, and pages with the look-ups', async () => {
    const admin = readers()[0]![1];
    // The filter alone (what a count or an export runs) never looks rows up; a page walked
    // by due date or id does, a page sorted by another column does not.
    const wideOf = (built: [string, unknown[]]) => built[1].filter((value) => typeof value === 'number');
    expect(wideOf(query.filtered(admin.scope, { q: 'dan van' }, 'a', admin).getQueryAndParameters())).toEqual(
      [0],
    );
    const page = (sortField: string) =>
      query.pageQuery(admin, { q: 'dan van' }, { perPage: 25, sortField }).getQueryAndParameters();
    expect(wideOf(page('percentComplete'))).toEqual([0]);
    expect(wideOf(page('dueDate'))).toEqual([WIDE_SEARCH_TASKS]);
    expect(wideOf(page('id'))).toEqual([WIDE_SEARCH_TASKS]);
    for (const [who, reader] of readers()) {
      // 'dan van' and 'ủy' match bodies' names and tasks' texts alike: both halves of the count,
      // and the assignments in both, which must be counted once.
      for (const q of ['dan van', 'ha noi', '100%', 'ủy', 'dan van mat']) {
        expect({ who, q, n: await query.count(reader, { q }) }).toEqual({
          who,
          q,
          n: (await reference(reader, q, 0, 100_000)).length,
        });
      }
    }
  });

  it('takes both plans: the common phrase walks and looks up, the rare ones collect first', async () => {
    expect(await matchingTasks('dan van')).toBeGreaterThanOrEqual(WIDE_SEARCH_TASKS);
    expect(await matchingTasks('100%')).toBeLessThan(WIDE_SEARCH_TASKS);
    const admin = readers()[0]![1];
    // The common phrase finds rows in scope, the confidential one only for whoever may read it.
    expect((await list(admin, { q: 'dan van mat' }, { perPage: 50 })).length).toBeGreaterThan(0);
    const viewer = readers()[2]![1];
    expect(await list(viewer, { q: 'dan van mat' }, { perPage: 50 })).toEqual([]);
  });
});
