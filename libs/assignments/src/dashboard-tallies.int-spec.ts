import { type TestDatabase, createTestDatabase, rowsOf } from '@dondoc/test-support';
import fc from 'fast-check';
import pg from 'pg';

import { addDays } from '@dondoc/platform';

import { checkTallies, compactTallies, talliedTimeliness } from './dashboard-tallies.js';
import { timelinessColumnsOf, timelinessSql } from './timeliness.sql.js';

/**
 * The dashboard's read model against the rows it counts: fast-check writes random
 * histories — batches inserted, fields changed (status, due dates, completion and report
 * days, a body moved to another province as a merger does), rows deleted, some statements
 * rolled back — and after each history the tallies must equal a brute-force count, key by
 * key, and give the same counts by timeliness as the product's timeliness SQL on any day,
 * for the nation (folded totals plus unfolded rows) and for a province.
 */

const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETION_REQUESTED', 'COMPLETED', 'CANCELLED'];
const BASE_DAY = '2026-06-15';
const PROVINCES = 3;
const BODIES_PER_PROVINCE = 4;
const TASKS = 10;

const dayArb = fc.option(
  fc.integer({ min: -40, max: 40 }).map((n) => addDays(BASE_DAY, n)),
  { freq: 5 },
);
const factsArb = fc.record({
  status: fc.constantFrom(...STATUSES),
  due: dayArb,
  completedOn: dayArb,
  requestedOn: dayArb,
  nextReportDue: dayArb,
});
const operationArb = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    rows: fc.array(
      fc.record({
        task: fc.nat(TASKS - 1),
        body: fc.nat(PROVINCES * BODIES_PER_PROVINCE - 1),
        facts: factsArb,
      }),
      {
        minLength: 1,
        maxLength: 8,
      },
    ),
  }),
  fc.record({
    kind: fc.constant('update' as const),
    modulo: fc.integer({ min: 1, max: 4 }),
    facts: factsArb,
  }),
  fc.record({
    kind: fc.constant('move' as const),
    modulo: fc.integer({ min: 1, max: 4 }),
    body: fc.nat(PROVINCES * BODIES_PER_PROVINCE - 1),
  }),
  fc.record({ kind: fc.constant('delete' as const), modulo: fc.integer({ min: 2, max: 6 }) }),
);
// `compact`: the hourly compaction runs inside the step's transaction (rolled back with it
// or not), so the nation's totals are checked between writes, folded or not.
const historyArb = fc.array(
  fc.record({ operation: operationArb, rollback: fc.boolean(), compact: fc.boolean() }),
  {
    minLength: 1,
    maxLength: 12,
  },
);

describe('the dashboard read model (assignment tallies)', () => {
  let database: TestDatabase;
  let client: pg.Client;
  const bodies: { id: string; path: string }[] = [];
  let tasks: string[] = [];
  let documentId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    for (let p = 0; p < PROVINCES; p++) {
      const [root] = (
        await client.query<{ id: string; path: string }>(
          `WITH id AS (SELECT gen_random_uuid() AS id)
           INSERT INTO organizations (id, name, kind, level, path)
           SELECT id, 'Tỉnh ủy thử ${p}', 'PARTY_COMMITTEE', 'PROVINCE', replace(id::text, '-', '')::ltree FROM id
           RETURNING id, path::text`,
        )
      ).rows;
      bodies.push(root);
      for (let b = 1; b < BODIES_PER_PROVINCE; b++) {
        bodies.push(
          (
            await client.query<{ id: string; path: string }>(
              `WITH id AS (SELECT gen_random_uuid() AS id)
               INSERT INTO organizations (id, name, kind, level, parent_id, path)
               SELECT id, 'Cơ quan thử ${p}.${b}', 'DEPARTMENT', 'COMMUNE', $1, $2 || replace(id::text, '-', '')::ltree FROM id
               RETURNING id, path::text`,
              [root.id, root.path],
            )
          ).rows[0] as { id: string; path: string },
        );
      }
    }
    documentId = (
      await client.query<{ id: string }>(
        `INSERT INTO documents (status, text, owner_organization_id, owner_path) VALUES ('PUBLISHED', 'x', $1, $2) RETURNING id`,
        [bodies[0]?.id, bodies[0]?.path],
      )
    ).rows[0]?.id as string;
    tasks = (
      await client.query<{ id: string }>(
        `INSERT INTO tasks (document_id, number, position, text)
         SELECT $1, n::text, n, 'Nhiệm vụ ' || n FROM generate_series(1, $2) n RETURNING id`,
        [documentId, TASKS],
      )
    ).rows.map((row) => row.id);
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  const apply = async (operation: Operation) => {
    if (operation.kind === 'insert') {
      for (const row of operation.rows) {
        const body = bodies[row.body] as { id: string; path: string };
        await client.query(
          `INSERT INTO assignments (task_id, document_id, organization_id, organization_path, assigned_by_organization_id,
                                    role, status, due_date, baseline_due_date, completed_on, completion_requested_on, next_report_due)
           VALUES ($1, $2, $3, $4, $3, 'LEAD', $5, $6, $6, $7, $8, $9)
           ON CONFLICT (task_id, organization_id) DO NOTHING`,
          [
            tasks[row.task],
            documentId,
            body.id,
            body.path,
            row.facts.status,
            row.facts.due,
            row.facts.completedOn,
            row.facts.requestedOn,
            row.facts.nextReportDue,
          ],
        );
      }
    } else if (operation.kind === 'update') {
      await client.query(
        `UPDATE assignments SET status = $2, due_date = $3, completed_on = $4, completion_requested_on = $5,
                next_report_due = $6
          WHERE abs(hashtext(id::text)) % $1 = 0`,
        [
          operation.modulo,
          operation.facts.status,
          operation.facts.due,
          operation.facts.completedOn,
          operation.facts.requestedOn,
          operation.facts.nextReportDue,
        ],
      );
    } else if (operation.kind === 'move') {
      const body = bodies[operation.body] as { id: string; path: string };
      // As a merger moves open work: to a body of any province, one statement for many rows.
      await client.query(
        `UPDATE assignments SET organization_id = $2, organization_path = $3
          WHERE id IN (SELECT DISTINCT ON (a.task_id) a.id FROM assignments a
                        WHERE abs(hashtext(a.id::text)) % $1 = 0
                          AND NOT EXISTS (SELECT 1 FROM assignments o WHERE o.task_id = a.task_id AND o.organization_id = $2)
                        ORDER BY a.task_id, a.id)`,
        [operation.modulo, body.id, body.path],
      );
    } else {
      await client.query('DELETE FROM assignments WHERE abs(hashtext(id::text)) % $1 = 0', [
        operation.modulo,
      ]);
    }
  };

  it('stays equal to a brute-force count through random histories, on every day', async () => {
    const timeliness = timelinessSql(timelinessColumnsOf('a'), {
      today: '$1',
      warningDays: '$2',
      against: 'current',
    });
    await fc.assert(
      fc.asyncProperty(historyArb, fc.integer({ min: -45, max: 45 }), async (history, todayOffset) => {
        await client.query('DELETE FROM assignments');
        for (const step of history) {
          await client.query('BEGIN');
          try {
            await apply(step.operation as Operation);
            if (step.compact) await compactTallies(rowsOf(client));
          } finally {
            await client.query(step.rollback ? 'ROLLBACK' : 'COMMIT');
          }
        }
        const today = addDays(BASE_DAY, todayOffset);
        const check = await checkTallies(rowsOf(client), today, 7);
        expect(check.mismatches).toEqual([]);
        expect(check.timelinessMismatches).toEqual([]);
        // The read path the dashboard takes, for all provinces and for one.
        const counted = Object.fromEntries(
          (
            await client.query<{ t: string; n: number }>(
              `SELECT ${timeliness} AS t, count(*)::int AS n FROM assignments a GROUP BY 1`,
              [today, 7],
            )
          ).rows.map((row) => [row.t, row.n]),
        );
        expect(await talliedTimeliness(rowsOf(client), [], today, 7)).toEqual(counted);
        const province = (bodies[0] as { path: string }).path;
        const countedOne = Object.fromEntries(
          (
            await client.query<{ t: string; n: number }>(
              `SELECT ${timeliness} AS t, count(*)::int AS n FROM assignments a WHERE a.organization_path <@ $3::ltree GROUP BY 1`,
              [today, 7, province],
            )
          ).rows.map((row) => [row.t, row.n]),
        );
        expect(await talliedTimeliness(rowsOf(client), [province], today, 7)).toEqual(countedOne);
      }),
      { numRuns: 60 },
    );
  }, 300_000);
});

type Facts = {
  status: string;
  due: string | null;
  completedOn: string | null;
  requestedOn: string | null;
  nextReportDue: string | null;
};
type Operation =
  | { kind: 'insert'; rows: { task: number; body: number; facts: Facts }[] }
  | { kind: 'update'; modulo: number; facts: Facts }
  | { kind: 'move'; modulo: number; body: number }
  | { kind: 'delete'; modulo: number };
