import type { DataSource, EntityManager } from 'typeorm';

import type { AccessScope } from '@dondoc/organizations';

import { Timeliness } from './timeliness.js';
import { timelinessColumnsOf, timelinessSql } from './timeliness.sql.js';

/**
 * Reading the dashboard's read model (`assignment_tallies`, kept by triggers on
 * `assignments`; see migration 1764202410000): counts by timeliness as of a day, for the
 * whole nation or whole provinces, in a few thousand rows instead of a million.
 */

/** The provinces a scope covers when it is made of whole provinces (`[]` = all); else `null`. */
export function talliedProvinces(scope: AccessScope): string[] | null {
  if (scope.kind === 'all') return [];
  return scope.paths.length > 0 && scope.paths.every((path) => !path.includes('.')) ? scope.paths : null;
}

/** The timeliness of a tally row as of `$1` (today) with a warning window of `$2` days. */
const TALLY_TIMELINESS = `CASE basis
  WHEN 'DUE' THEN CASE WHEN day < CAST($1 AS date) THEN '${Timeliness.OVERDUE}'
                       WHEN day - CAST($2 AS integer) <= CAST($1 AS date) THEN '${Timeliness.DUE_SOON}'
                       ELSE '${Timeliness.ON_TRACK}' END
  WHEN 'REPORT' THEN CASE WHEN day < CAST($1 AS date) THEN '${Timeliness.OVERDUE}' ELSE '${Timeliness.ON_TRACK}' END
  WHEN 'COMPLETED_UNDATED' THEN CASE WHEN CAST($1 AS date) <= day THEN '${Timeliness.COMPLETED_ON_TIME}'
                                     ELSE '${Timeliness.COMPLETED_LATE}' END
  ELSE basis
END`;

/**
 * The stripe the compaction folds into; writers use 0–15 (`pg_backend_pid() % 16`), never
 * this one, so the folded rows are exactly those `assignment_tally_totals` adds up
 * (migration 1764202710000).
 */
export const FOLDED_STRIPE = -1;

/**
 * Rows of (basis, day, n) for the whole nation: the totals of the folded rows and the rows
 * written since the last compaction — a thousand-odd rows instead of every province's.
 * Exact: the compaction moves counts into the totals in the statement that folds them, and
 * this is read as part of one statement.
 */
const NATION_TALLIES = `(SELECT basis, day, n FROM assignment_tally_totals
   UNION ALL
   SELECT basis, day, n FROM assignment_tallies WHERE stripe >= 0) nation`;

/** Counts by timeliness from the tallies; `provinces` empty means all of them. */
export async function talliedTimeliness(
  db: DataSource | EntityManager,
  provinces: readonly string[],
  today: string,
  warningDays: number,
): Promise<Partial<Record<Timeliness, number>>> {
  // Two statements, not one with `cardinality($3) = 0 OR province = ANY($3)`: that OR kept
  // a province's dashboard from reading only its own rows through the primary key.
  const rows = (await (provinces.length === 0
    ? db.query(
        `SELECT ${TALLY_TIMELINESS} AS timeliness, sum(n)::bigint AS count FROM ${NATION_TALLIES} GROUP BY 1`,
        [today, warningDays],
      )
    : db.query(
        `SELECT ${TALLY_TIMELINESS} AS timeliness, sum(n)::bigint AS count
           FROM assignment_tallies
          WHERE province = ANY($3::text[])
          GROUP BY 1`,
        [today, warningDays, provinces],
      ))) as { timeliness: Timeliness; count: string }[];
  return Object.fromEntries(
    rows.filter((row) => Number(row.count) !== 0).map((row) => [row.timeliness, Number(row.count)]),
  );
}

export interface TallyCheck {
  /**
   * Tally keys whose count differs from a count of the rows, at most 20; then (province `*`)
   * days whose nation-wide count (totals + unfolded rows) differs from the provinces' rows.
   */
  mismatches: { province: string; basis: string; day: string; tallied: number; counted: number }[];
  /** Provinces whose counts by timeliness (as of the day) differ from the product's timeliness SQL. */
  timelinessMismatches: {
    province: string;
    tallied: Record<string, number>;
    counted: Record<string, number>;
  }[];
  assignments: number;
}

/**
 * The tallies against a brute-force count of `assignments`, key by key, and the timeliness
 * they give as of `today` against `timelinessSql` — the check behind `cli dashboard check`.
 */
export async function checkTallies(
  db: DataSource | EntityManager,
  today: string,
  warningDays: number,
): Promise<TallyCheck> {
  const mismatches = (await db.query(
    `WITH counted AS (
       SELECT split_part(organization_path::text, '.', 1) AS province, basis,
              assignment_tally_day(basis, due_date, next_report_due) AS day, count(*)::bigint AS n
         FROM (SELECT a.*, assignment_tally_basis(a.status, a.due_date, a.completed_on,
                                                   a.completion_requested_on, a.next_report_due) AS basis
                 FROM assignments a) x
        GROUP BY 1, 2, 3)
     SELECT coalesce(c.province, t.province) AS province, coalesce(c.basis, t.basis) AS basis,
            coalesce(c.day, t.day)::text AS day, coalesce(t.n, 0)::int AS tallied, coalesce(c.n, 0)::int AS counted
       FROM counted c
       FULL JOIN (SELECT province, basis, day, sum(n)::bigint AS n FROM assignment_tallies GROUP BY 1, 2, 3) t
              ON t.province = c.province AND t.basis = c.basis AND t.day = c.day
      WHERE coalesce(t.n, 0) <> coalesce(c.n, 0)
      ORDER BY 1, 2, 3
      LIMIT 20`,
  )) as TallyCheck['mismatches'];
  // The nation's rows (totals + unfolded) against every province's, by (basis, day).
  const nationMismatches = (await db.query(
    `WITH nation AS (SELECT basis, day, sum(n)::bigint AS n FROM ${NATION_TALLIES} GROUP BY 1, 2),
          provinces AS (SELECT basis, day, sum(n)::bigint AS n FROM assignment_tallies GROUP BY 1, 2)
     SELECT '*' AS province, coalesce(p.basis, x.basis) AS basis, coalesce(p.day, x.day)::text AS day,
            coalesce(x.n, 0)::int AS tallied, coalesce(p.n, 0)::int AS counted
       FROM provinces p FULL JOIN nation x ON x.basis = p.basis AND x.day = p.day
      WHERE coalesce(x.n, 0) <> coalesce(p.n, 0)
      ORDER BY 2, 3
      LIMIT 20`,
  )) as TallyCheck['mismatches'];
  mismatches.push(...nationMismatches);
  const timeliness = timelinessSql(timelinessColumnsOf('a'), {
    today: '$1',
    warningDays: '$2',
    against: 'current',
  });
  const counted = (await db.query(
    `SELECT split_part(a.organization_path::text, '.', 1) AS province, ${timeliness} AS timeliness,
            count(*)::int AS n
       FROM assignments a GROUP BY 1, 2`,
    [today, warningDays],
  )) as { province: string; timeliness: string; n: number }[];
  const tallied = (await db.query(
    `SELECT province, ${TALLY_TIMELINESS} AS timeliness, sum(n)::int AS n
       FROM assignment_tallies GROUP BY 1, 2 HAVING sum(n) <> 0`,
    [today, warningDays],
  )) as { province: string; timeliness: string; n: number }[];
  const byProvince = (rows: { province: string; timeliness: string; n: number }[]) => {
    const map = new Map<string, Record<string, number>>();
    for (const row of rows) {
      const entry = map.get(row.province) ?? {};
      entry[row.timeliness] = row.n;
      map.set(row.province, entry);
    }
    return map;
  };
  const fromRows = byProvince(counted);
  const fromTallies = byProvince(tallied);
  const timelinessMismatches: TallyCheck['timelinessMismatches'] = [];
  for (const province of new Set([...fromRows.keys(), ...fromTallies.keys()])) {
    const a = fromTallies.get(province) ?? {};
    const b = fromRows.get(province) ?? {};
    const same = Object.keys({ ...a, ...b }).every((key) => (a[key] ?? 0) === (b[key] ?? 0));
    if (!same) timelinessMismatches.push({ province, tallied: a, counted: b });
  }
  const assignments = counted.reduce((sum, row) => sum + row.n, 0);
  return { mismatches, timelinessMismatches, assignments };
}

/** A client that answers a query with its rows: TypeORM's DataSource or EntityManager, or pg's result `.rows`. */
export interface RowsQuery {
  query(sql: string): Promise<unknown>;
}

/**
 * Folds every key's stripes into the folded stripe (FOLDED_STRIPE) and adds what it moved to
 * the nation's totals, in one statement; then drops rows whose count is zero. Writers spread
 * a key over up to 16 rows (one per server process, so status changes of a hot key do not
 * queue behind one row lock); the dashboard reads fewer rows once they are folded. The sums
 * never change, so running it twice, or beside writers, is harmless: a writer waits for the
 * few rows being moved, for the length of one statement (a row a writer changed meanwhile
 * is moved with its new count: DELETE … RETURNING gives what it deleted).
 */
export async function compactTallies(db: RowsQuery): Promise<{ folded: number; dropped: number }> {
  const [{ folded }] = (await db.query(
    `WITH moved AS (DELETE FROM assignment_tallies WHERE stripe >= 0 RETURNING province, basis, day, n),
     folded AS (
       INSERT INTO assignment_tallies (province, basis, day, stripe, n)
         SELECT province, basis, day, ${FOLDED_STRIPE}, sum(n) FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
       ON CONFLICT (province, basis, day, stripe) DO UPDATE SET n = assignment_tallies.n + EXCLUDED.n
       RETURNING 1),
     totalled AS (
       INSERT INTO assignment_tally_totals (basis, day, n)
         SELECT basis, day, sum(n) FROM moved GROUP BY 1, 2 ORDER BY 1, 2
       ON CONFLICT (basis, day) DO UPDATE SET n = assignment_tally_totals.n + EXCLUDED.n
       RETURNING 1)
     SELECT (SELECT count(*) FROM folded)::int AS folded, (SELECT count(*) FROM totalled)::int AS totalled`,
  )) as [{ folded: number }];
  const dropped = (await db.query(
    `DELETE FROM assignment_tallies WHERE stripe = ${FOLDED_STRIPE} AND n = 0 RETURNING 1`,
  )) as unknown[];
  await db.query('DELETE FROM assignment_tally_totals WHERE n = 0');
  return { folded, dropped: dropped.length };
}
