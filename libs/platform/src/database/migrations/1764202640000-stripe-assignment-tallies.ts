import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard tallies had one row per (province, basis, day): every status change of an
 * assignment of a province due the same day updated that one row and held its lock until
 * commit — including while waiting for the audit chain's lock. Under 50 officers working on
 * one directive's assignments (one due date) those waits passed the 5 s statement timeout.
 *
 * Now each key has up to TALLY_STRIPES rows (`stripe`), and a transaction writes the stripe of
 * its own server process (`pg_backend_pid() % 16`): a backend runs one transaction at a time,
 * so two transactions share a stripe only when two backends do. Readers sum the stripes as
 * they already summed days; the hourly compaction folds them back into stripe 0
 * (libs/assignments `compactTallies`).
 */
export class StripeAssignmentTallies1764202640000 implements MigrationInterface {
  name = 'StripeAssignmentTallies1764202640000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE assignment_tallies ADD COLUMN stripe smallint NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE assignment_tallies DROP CONSTRAINT assignment_tallies_pkey');
    await queryRunner.query('ALTER TABLE assignment_tallies ADD PRIMARY KEY (province, basis, day, stripe)');
    await queryRunner.query(
      applyFunction('(pg_backend_pid() % 16)::smallint', 'province, basis, day, stripe'),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      WITH moved AS (DELETE FROM assignment_tallies WHERE stripe <> 0 RETURNING province, basis, day, n)
      INSERT INTO assignment_tallies (province, basis, day, stripe, n)
        SELECT province, basis, day, 0, sum(n) FROM moved GROUP BY 1, 2, 3
      ON CONFLICT (province, basis, day, stripe) DO UPDATE SET n = assignment_tallies.n + EXCLUDED.n`);
    await queryRunner.query('ALTER TABLE assignment_tallies DROP CONSTRAINT assignment_tallies_pkey');
    await queryRunner.query('ALTER TABLE assignment_tallies DROP COLUMN stripe');
    await queryRunner.query('ALTER TABLE assignment_tallies ADD PRIMARY KEY (province, basis, day)');
    await queryRunner.query(applyFunction(null, 'province, basis, day'));
  }
}

/** The statement trigger's function, writing to `stripe` when given (see the first migration). */
function applyFunction(stripe: string | null, key: string): string {
  const column = stripe === null ? '' : ', stripe';
  const value = stripe === null ? '' : `, ${stripe}`;
  const keyOf = (rows: string) => `split_part(${rows}.organization_path::text, '.', 1)`;
  const basisOf = (rows: string) =>
    `assignment_tally_basis(${rows}.status, ${rows}.due_date, ${rows}.completed_on, ${rows}.completion_requested_on, ${rows}.next_report_due)`;
  const upsert = (select: string) => `
            INSERT INTO assignment_tallies (province, basis, day${column}, n)
              ${select}
            ON CONFLICT (${key}) DO UPDATE SET n = assignment_tallies.n + EXCLUDED.n;`;
  return `
      CREATE OR REPLACE FUNCTION assignment_tallies_apply() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN${upsert(`SELECT province, basis, assignment_tally_day(basis, due_date, next_report_due)${value}, count(*)
                FROM (SELECT ${keyOf('r')} AS province, r.due_date, r.next_report_due, ${basisOf('r')} AS basis
                        FROM tally_new r) k
               GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)}
          ELSIF TG_OP = 'DELETE' THEN${upsert(`SELECT province, basis, assignment_tally_day(basis, due_date, next_report_due)${value}, -count(*)
                FROM (SELECT ${keyOf('r')} AS province, r.due_date, r.next_report_due, ${basisOf('r')} AS basis
                        FROM tally_old r) k
               GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`)}
          ELSE${upsert(`SELECT province, basis, assignment_tally_day(basis, due_date, next_report_due)${value}, sum(delta)
                FROM (SELECT ${keyOf('r')} AS province, r.due_date, r.next_report_due, ${basisOf('r')} AS basis, 1 AS delta
                        FROM tally_new r
                      UNION ALL
                      SELECT ${keyOf('r')}, r.due_date, r.next_report_due, ${basisOf('r')}, -1
                        FROM tally_old r) k
               GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3`)}
          END IF;
          RETURN NULL;
        END $$`;
}
