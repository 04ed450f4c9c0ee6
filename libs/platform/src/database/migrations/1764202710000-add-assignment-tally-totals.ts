import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The nation's dashboard summed every row of `assignment_tallies` — one per province, basis
 * and day (and stripe): 37,000 rows at nation scale, on every request. The nation does not
 * need the provinces apart, so the rows the hourly compaction folds are also added up by
 * (basis, day) into `assignment_tally_totals` (a thousand rows or so, one per due day):
 *
 * - writers (the statement triggers) keep writing stripes 0–15 of `assignment_tallies`, as
 *   before; nothing of theirs changes;
 * - the compaction moves those rows into stripe -1 (FOLDED_STRIPE in libs/assignments
 *   dashboard-tallies.ts), which no writer uses, and adds the very counts it moved to the
 *   totals, in the same statement;
 * - so at every commit, for each (basis, day): totals = the sum of the folded rows, and the
 *   nation's count = totals + the rows not yet folded (partial index below) — exact, read by
 *   one statement (one snapshot).
 *
 * The rows there now are folded here, so the totals start complete.
 */
export class AddAssignmentTallyTotals1764202710000 implements MigrationInterface {
  name = 'AddAssignmentTallyTotals1764202710000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE assignment_tally_totals (
        basis text NOT NULL,
        day date NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (basis, day)
      )`);
    await queryRunner.query(
      'CREATE INDEX assignment_tallies_unfolded ON assignment_tallies (basis, day) WHERE stripe >= 0',
    );
    await queryRunner.query(`
      WITH moved AS (DELETE FROM assignment_tallies WHERE stripe >= 0 RETURNING province, basis, day, n),
      folded AS (
        INSERT INTO assignment_tallies (province, basis, day, stripe, n)
          SELECT province, basis, day, -1, sum(n) FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (province, basis, day, stripe) DO UPDATE SET n = assignment_tallies.n + EXCLUDED.n)
      INSERT INTO assignment_tally_totals (basis, day, n)
        SELECT basis, day, sum(n) FROM moved GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT (basis, day) DO UPDATE SET n = assignment_tally_totals.n + EXCLUDED.n`);
    await queryRunner.query('ANALYZE assignment_tallies');
    await queryRunner.query('ANALYZE assignment_tally_totals');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      WITH moved AS (DELETE FROM assignment_tallies WHERE stripe < 0 RETURNING province, basis, day, n)
      INSERT INTO assignment_tallies (province, basis, day, stripe, n)
        SELECT province, basis, day, 0, sum(n) FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (province, basis, day, stripe) DO UPDATE SET n = assignment_tallies.n + EXCLUDED.n`);
    await queryRunner.query('DROP INDEX assignment_tallies_unfolded');
    await queryRunner.query('DROP TABLE assignment_tally_totals');
  }
}
