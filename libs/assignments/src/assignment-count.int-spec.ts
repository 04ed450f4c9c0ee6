import { ALL_ORGANIZATIONS, type AccessScope, type Organization } from '@dondoc/organizations';
import { FixedClock } from '@dondoc/platform';
import { bootApi, Given, type RunningApi } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import { AssignmentQuery } from './assignment-query.js';
import { AssignmentStatus } from './assignment-status.js';
import { DEFAULT_WARNING_DAYS, Timeliness } from './timeliness.js';
import { timelinessColumnsOf, timelinessSql } from './timeliness.sql.js';

/**
 * The count react-admin asks for with every page: over whole provinces it is read from the
 * dashboard's tallies, otherwise counted. Both must give the brute-force count of the rows.
 */
describe('AssignmentQuery.count', () => {
  let api: RunningApi;
  let db: DataSource;
  let query: AssignmentQuery;
  let org: Map<string, Organization>;
  const TODAY = '2026-06-15';

  beforeAll(async () => {
    api = await bootApi({}, { clock: new FixedClock(new Date(`${TODAY}T03:00:00Z`)) });
    db = api.app.get(DataSource);
    query = api.app.get(AssignmentQuery);
    org = await new Given(api.app).konTum();
    const office = org.get('kt.tu.vp')!;
    const [{ id: documentId }] = (await db.query(
      `INSERT INTO documents (status, number, text, owner_organization_id, owner_path)
       VALUES ('PUBLISHED', '1-KL/TU', 'Kết luận', $1, $2) RETURNING id`,
      [office.id, office.path],
    )) as [{ id: string }];
    const bodies = [...org.values()].filter((body) => body.path.includes('.')).slice(0, 40);
    const statuses = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'COMPLETION_REQUESTED'];
    for (let n = 0; n < 30; n += 1) {
      const [{ id: taskId }] = (await db.query(
        `INSERT INTO tasks (document_id, number, position, text) VALUES ($1, $2, $3, 'Nhiệm vụ') RETURNING id`,
        [documentId, String(n + 1), n],
      )) as [{ id: string }];
      // Every body of the slice, due days spread around today, statuses in turn.
      await db.query(
        `INSERT INTO assignments (task_id, document_id, organization_id, organization_path, assigned_by_organization_id,
                                  role, status, due_date, baseline_due_date, completed_on, completion_requested_on)
         SELECT $1, $2, b.id, b.path::ltree, $3, 'LEAD', s.status, d.due, d.due,
                CASE WHEN s.status = 'COMPLETED' THEN d.due + (b.n % 5 - 2)::int END,
                CASE WHEN s.status = 'COMPLETION_REQUESTED' THEN d.due - 1 END
           FROM unnest($4::uuid[], $5::text[]) WITH ORDINALITY AS b(id, path, n),
                LATERAL (SELECT (DATE '${TODAY}' + ((b.n * 7 + $6::int) % 41 - 20)::int) AS due) AS d,
                LATERAL (SELECT ($7::text[])[1 + (b.n + $6::int) % 5] AS status) AS s`,
        [
          taskId,
          documentId,
          office.id,
          bodies.map((body) => body.id),
          bodies.map((body) => body.path),
          n,
          statuses,
        ],
      );
    }
  });
  afterAll(() => api?.close());

  const bruteForce = async (
    province: string | null,
    timeliness: Timeliness[] | null,
    status: AssignmentStatus[] | null = null,
  ) => {
    const derived = timelinessSql(timelinessColumnsOf('a'), {
      today: '$1',
      warningDays: '$2',
      against: 'current',
    });
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM assignments a
        WHERE ($3::ltree IS NULL OR a.organization_path <@ $3::ltree)
          AND ($4::text[] IS NULL OR (${derived}) = ANY($4::text[]))
          AND ($5::text[] IS NULL OR a.status = ANY($5::text[]))`,
      [TODAY, DEFAULT_WARNING_DAYS, province, timeliness, status],
    )) as [{ n: number }];
    return n;
  };

  it('equals the brute-force count for the nation, a province and a branch, with and without timeliness', async () => {
    const province = org.get('kt.tu')!.path.split('.')[0];
    const branch = org.get('kt.tu.vp')!.path;
    const scopes: [AccessScope, string | null][] = [
      [ALL_ORGANIZATIONS, null],
      [{ kind: 'subtrees', paths: [province] }, province],
      [{ kind: 'subtrees', paths: [branch] }, branch],
    ];
    const filters: (Timeliness[] | null)[] = [
      null,
      [Timeliness.OVERDUE],
      [Timeliness.DUE_SOON, Timeliness.ON_TRACK],
      [Timeliness.COMPLETED_ON_TIME, Timeliness.COMPLETED_LATE, Timeliness.CANCELLED],
    ];
    let nonZero = 0;
    for (const [scope, path] of scopes) {
      for (const timeliness of filters) {
        const expected = await bruteForce(path, timeliness);
        if (expected > 0) nonZero += 1;
        expect({
          path,
          timeliness,
          count: await query.count({ scope, organizationId: '', roles: [] }, { timeliness }),
        }).toEqual({
          path,
          timeliness,
          count: expected,
        });
      }
    }
    expect(nonZero).toBe(scopes.length * filters.length);
  });

  it('reads a status filter of whole groups from the tallies too, and counts any other, both exactly', async () => {
    const province = org.get('kt.tu')!.path.split('.')[0];
    const scope: AccessScope = { kind: 'subtrees', paths: [province] };
    const { NOT_STARTED, IN_PROGRESS, COMPLETION_REQUESTED, COMPLETED, CANCELLED } = AssignmentStatus;
    const open = [NOT_STARTED, IN_PROGRESS, COMPLETION_REQUESTED];
    const cases: [AssignmentStatus[], Timeliness[] | null][] = [
      [[CANCELLED], null],
      [[COMPLETED], null],
      [
        [COMPLETED, CANCELLED],
        [Timeliness.COMPLETED_LATE, Timeliness.CANCELLED],
      ],
      [open, null],
      [open, [Timeliness.OVERDUE]],
      [
        [...open, CANCELLED],
        [Timeliness.OVERDUE, Timeliness.CANCELLED, Timeliness.COMPLETED_ON_TIME],
      ],
      [[IN_PROGRESS], null], // not told apart by the tallies: counted
      [[NOT_STARTED, COMPLETED], [Timeliness.OVERDUE]],
    ];
    // Which counts read the tallies: the data source's queries, watched while each count runs.
    const original = db.query.bind(db);
    let tallyQueries = 0;
    const watched = ((sql: string, ...rest: unknown[]) => {
      if (sql.includes('assignment_tallies')) tallyQueries += 1;
      return (original as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as DataSource['query'];
    const fromTallies: boolean[] = [];
    for (const [status, timeliness] of cases) {
      tallyQueries = 0;
      db.query = watched;
      let count: number;
      try {
        count = await query.count({ scope, organizationId: '', roles: [] }, { status, timeliness });
      } finally {
        db.query = original;
      }
      fromTallies.push(tallyQueries > 0);
      expect({ status, timeliness, count }).toEqual({
        status,
        timeliness,
        count: await bruteForce(province, timeliness, status),
      });
    }
    // The first six from the tallies, the last two by counting rows.
    expect(fromTallies).toEqual([true, true, true, true, true, true, false, false]);
  });
});
