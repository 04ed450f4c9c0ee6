import { type TestDatabase, createTestDatabase } from '@dondoc/test-support';
import fc from 'fast-check';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { addDays, buildDataSourceOptions, daysBetween } from '@dondoc/platform';

import { AssignmentStatus } from './assignment-status.js';
import { type TimelinessColumns, timelinessSql } from './timeliness.sql.js';
import { type TimelinessAgainst, type TimelinessFacts, timelinessOf } from './timeliness.js';

/**
 * One rule, written twice: `timelinessOf` for one record and `timelinessSql` for millions.
 * fast-check generates assignments with their days crowded around the edges of the rule
 * (the due day, the day before and after, the edge of the warning window, nulls, completion
 * just before or after the deadline, continuous work whose report is due around today),
 * PostgreSQL evaluates the exact SQL text over them, and every row must agree.
 */

interface GeneratedCase {
  facts: TimelinessFacts;
  today: string;
  warningDays: number;
}

const FIRST_DAY = '2020-01-01';
const LAST_DAY = '2032-12-31';
// Days where date arithmetic could go wrong: leap days, month and year ends.
const AWKWARD_DAYS = ['2024-02-29', '2028-02-29', '2027-02-28', '2026-12-31', '2027-01-01', '2026-03-01'];

const dayArb = fc.oneof(
  fc.integer({ min: 0, max: daysBetween(FIRST_DAY, LAST_DAY) }).map((n) => addDays(FIRST_DAY, n)),
  fc.constantFrom(...AWKWARD_DAYS),
);

const warningDaysArb = fc.oneof(fc.constantFrom(0, 1, 7, 30), fc.integer({ min: 0, max: 30 }));

/** An offset in days, mostly on an edge: ±2 days around 0, ±1 window, or anywhere within a year or so. */
const offsetArb = fc.oneof(
  {
    arbitrary: fc.record({ windows: fc.constantFrom(-1, 0, 1), shift: fc.integer({ min: -2, max: 2 }) }),
    weight: 4,
  },
  { arbitrary: fc.integer({ min: -400, max: 400 }).map((shift) => ({ windows: 0, shift })), weight: 1 },
);
type Offset = { windows: number; shift: number };

/** A day given relative to today or to the due date, so that completion lands just either side of it. */
const relativeArb = fc.record({ anchor: fc.constantFrom('today', 'due'), offset: offsetArb });
type Relative = { anchor: string; offset: Offset };

const shapeArb = fc.record({
  status: fc.constantFrom(...Object.values(AssignmentStatus)),
  due: fc.option(offsetArb, { freq: 4 }), // one in four is continuous work
  baseline: fc.oneof(fc.constant('same' as const), fc.option(relativeArb, { freq: 4 })),
  completedOn: fc.option(relativeArb, { freq: 4 }),
  completionRequestedOn: fc.option(relativeArb, { freq: 4 }),
  nextReportDue: fc.option(offsetArb, { freq: 3 }),
});

/** Cases around one given today and window (for the batches bound as parameters). */
function casesAround(today: string, warningDays: number) {
  return shapeArb.map((shape): GeneratedCase => {
    const at = (offset: Offset) => addDays(today, offset.windows * warningDays + offset.shift);
    const dueDate = shape.due === null ? null : at(shape.due);
    const relative = (day: Relative | null) =>
      day === null
        ? null
        : addDays(
            day.anchor === 'due' && dueDate !== null ? dueDate : today,
            day.offset.windows * warningDays + day.offset.shift,
          );
    return {
      today,
      warningDays,
      facts: {
        status: shape.status,
        dueDate,
        baselineDueDate: shape.baseline === 'same' ? dueDate : relative(shape.baseline),
        completedOn: relative(shape.completedOn),
        completionRequestedOn: relative(shape.completionRequestedOn),
        nextReportDue: shape.nextReportDue === null ? null : at(shape.nextReportDue),
      },
    };
  });
}

/** Cases each with a today and a window of their own. */
const caseArb = fc
  .record({ today: dayArb, warningDays: warningDaysArb })
  .chain(({ today, warningDays }) => casesAround(today, warningDays));

const COLUMNS: TimelinessColumns = {
  status: 'c.status',
  dueDate: 'c.due_date',
  baselineDueDate: 'c.baseline_due_date',
  completedOn: 'c.completed_on',
  completionRequestedOn: 'c.completion_requested_on',
  nextReportDue: 'c.next_report_due',
};
const AGAINST: TimelinessAgainst[] = ['current', 'baseline'];

describe('timeliness in TypeScript and in SQL', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let checked = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    // The status as an enum too: the SQL must hold whether the column is text or an enum.
    await client.query(`CREATE TYPE timeliness_case_status AS ENUM (
      ${Object.values(AssignmentStatus)
        .map((status) => `'${status}'`)
        .join(', ')})`);
    await client.query(`CREATE TEMP TABLE timeliness_cases (
      id integer PRIMARY KEY,
      status text NOT NULL,
      status_enum timeliness_case_status NOT NULL,
      due_date date,
      baseline_due_date date,
      completed_on date,
      completion_requested_on date,
      next_report_due date,
      today date NOT NULL,
      warning_days integer NOT NULL
    )`);
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  async function load(cases: GeneratedCase[]): Promise<void> {
    await client.query('TRUNCATE timeliness_cases');
    const column = <T>(pick: (c: GeneratedCase) => T) => cases.map(pick);
    await client.query(
      `INSERT INTO timeliness_cases
         (id, status, status_enum, due_date, baseline_due_date, completed_on,
          completion_requested_on, next_report_due, today, warning_days)
       SELECT id, status, status::timeliness_case_status, due_date, baseline_due_date, completed_on,
              completion_requested_on, next_report_due, today, warning_days
         FROM unnest($1::integer[], $2::text[], $3::date[], $4::date[], $5::date[], $6::date[],
                     $7::date[], $8::date[], $9::integer[])
           AS u(id, status, due_date, baseline_due_date, completed_on,
                completion_requested_on, next_report_due, today, warning_days)`,
      [
        cases.map((_, index) => index),
        column((c) => c.facts.status),
        column((c) => c.facts.dueDate),
        column((c) => c.facts.baselineDueDate),
        column((c) => c.facts.completedOn),
        column((c) => c.facts.completionRequestedOn),
        column((c) => c.facts.nextReportDue),
        column((c) => c.today),
        column((c) => c.warningDays),
      ],
    );
  }

  /** Every row of `rows` (id, timeliness) must be what `timelinessOf` says for that case. */
  function expectAgreement(
    cases: GeneratedCase[],
    against: TimelinessAgainst,
    rows: { id: number; timeliness: string }[],
  ): void {
    expect(rows).toHaveLength(cases.length);
    const disagreements = rows.flatMap(({ id, timeliness: sql }) => {
      const { facts, today, warningDays } = cases[id]!;
      const options = { today, warningDays, against };
      const typescript = timelinessOf(facts, options);
      return typescript === sql
        ? []
        : [
            `facts ${JSON.stringify(facts)}\n  options ${JSON.stringify(options)}\n  TypeScript says ${typescript}, SQL says ${sql}`,
          ];
    });
    checked += rows.length;
    if (disagreements.length > 0) {
      throw new Error(
        `${disagreements.length} of ${rows.length} cases disagree; the first ones:\n` +
          disagreements.slice(0, 5).join('\n'),
      );
    }
  }

  /**
   * fc.check rather than fc.assert: a batch is hundreds of records, and printing all of them
   * helps nobody — the error names the records that disagree, and the seed replays the run.
   */
  async function holds<Ts>(property: fc.IAsyncProperty<Ts>, numRuns: number): Promise<void> {
    const details = await fc.check(property, { numRuns, endOnFailure: true });
    if (details.failed) {
      throw new Error(
        `seed ${details.seed}, path ${details.counterexamplePath}: ${String(details.errorInstance)}`,
      );
    }
  }

  it('agree on every generated record, each with its own today and warning window', async () => {
    const before = checked;
    await holds(
      fc.asyncProperty(fc.array(caseArb, { minLength: 500, maxLength: 500 }), async (cases) => {
        await load(cases);
        for (const against of AGAINST) {
          // today and the window are columns here: the same text, read per row.
          const expression = timelinessSql(COLUMNS, {
            today: 'c.today',
            warningDays: 'c.warning_days',
            against,
          });
          const { rows } = await client.query<{ id: number; timeliness: string }>(
            `SELECT c.id, ${expression} AS timeliness FROM timeliness_cases c`,
          );
          expectAgreement(cases, against, rows);
        }
      }),
      8,
    );
    expect(checked - before).toBe(8_000);
  });

  it('agree when today and the window are TypeORM named parameters, and the status an enum', async () => {
    // Only the driver's parameter rewriting is needed: no connection is opened.
    const driver = new DataSource(buildDataSourceOptions({ url: database.url })).driver;
    const before = checked;
    const batchArb = fc
      .record({ today: dayArb, warningDays: warningDaysArb, against: fc.constantFrom(...AGAINST) })
      .chain(({ today, warningDays, against }) =>
        fc.tuple(
          fc.constant(against),
          fc.array(casesAround(today, warningDays), { minLength: 200, maxLength: 200 }),
        ),
      );
    await holds(
      fc.asyncProperty(batchArb, async ([against, cases]) => {
        await load(cases);
        const expression = timelinessSql(
          { ...COLUMNS, status: 'c.status_enum' },
          { today: ':today', warningDays: ':warningDays', against },
        );
        const [sql, parameters] = driver.escapeQueryWithParameters(
          `SELECT c.id, ${expression} AS timeliness FROM timeliness_cases c`,
          { today: cases[0]!.today, warningDays: cases[0]!.warningDays },
        );
        const { rows } = await client.query<{ id: number; timeliness: string }>(sql, parameters);
        expectAgreement(cases, against, rows);
      }),
      10,
    );
    expect(checked - before).toBe(2_000);
  });
});
