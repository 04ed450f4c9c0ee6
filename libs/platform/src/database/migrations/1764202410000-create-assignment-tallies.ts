import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard's read model: how many assignments each province (the first label of the
 * organization path: the Party committee's jurisdiction) has, by what their timeliness
 * is derived from. Timeliness changes with the calendar while nobody touches a record, so
 * the counts are kept by `basis` and `day`, from which any day's timeliness follows exactly:
 *
 * | basis              | day               | timeliness as of today                                |
 * |--------------------|-------------------|-------------------------------------------------------|
 * | DUE                | due date          | OVERDUE if day < today, DUE_SOON within the window, else ON_TRACK |
 * | REPORT             | next report due   | OVERDUE if day < today, else ON_TRACK (continuous work) |
 * | COMPLETED_UNDATED  | due date          | COMPLETED_ON_TIME if today <= day, else COMPLETED_LATE |
 * | any timeliness     | -infinity         | that timeliness, whatever the day                     |
 *
 * (`assignment_tally_basis` follows libs/assignments/src/timeliness.sql.ts clause by clause.)
 * Statement triggers on `assignments` keep the counts in the transaction that changes the
 * rows — every code path, a fan-out of 25,000, a merger moving open work, a bulk COPY — with
 * one grouped upsert per statement, and only where a key's count really moves (a report that
 * leaves status and dates alone writes nothing here). `cli dashboard check` compares them
 * with a brute-force count.
 */
export class CreateAssignmentTallies1764202410000 implements MigrationInterface {
  name = 'CreateAssignmentTallies1764202410000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE assignment_tallies (
        province text NOT NULL,
        basis text NOT NULL,
        day date NOT NULL,
        n bigint NOT NULL,
        PRIMARY KEY (province, basis, day)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION assignment_tally_basis(status text, due_date date, completed_on date,
                                             completion_requested_on date, next_report_due date)
        RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN status = 'CANCELLED' THEN 'CANCELLED'
          WHEN status = 'COMPLETED' AND due_date IS NULL THEN 'COMPLETED_ON_TIME'
          WHEN status = 'COMPLETED' AND completed_on IS NULL THEN 'COMPLETED_UNDATED'
          WHEN status = 'COMPLETED' AND completed_on <= due_date THEN 'COMPLETED_ON_TIME'
          WHEN status = 'COMPLETED' THEN 'COMPLETED_LATE'
          WHEN due_date IS NULL AND next_report_due IS NOT NULL THEN 'REPORT'
          WHEN due_date IS NULL THEN 'ON_TRACK'
          WHEN status = 'COMPLETION_REQUESTED' AND completion_requested_on <= due_date THEN 'ON_TRACK'
          ELSE 'DUE'
        END $$`);
    await queryRunner.query(`
      CREATE FUNCTION assignment_tally_day(basis text, due_date date, next_report_due date)
        RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE basis
          WHEN 'DUE' THEN due_date
          WHEN 'COMPLETED_UNDATED' THEN due_date
          WHEN 'REPORT' THEN next_report_due
          ELSE '-infinity'::date
        END $$`);
    // One function for the three statement triggers: the transition tables it reads exist
    // or not depending on the event (TG_OP).
    await queryRunner.query(`
      CREATE FUNCTION assignment_tallies_apply() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            INSERT INTO assignment_tallies (province, basis, day, n)
              SELECT province, basis, assignment_tally_day(basis, due_date, next_report_due), count(*)
                FROM (SELECT split_part(r.organization_path::text, '.', 1) AS province, r.due_date, r.next_report_due,
                             assignment_tally_basis(r.status, r.due_date, r.completed_on,
                                                    r.completion_requested_on, r.next_report_due) AS basis
                        FROM tally_new r) k
               GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (province, basis, day) DO UPDATE SET n = assignment_tallies.n + EXCLUDED.n;
          ELSIF TG_OP = 'DELETE' THEN
            INSERT INTO assignment_tallies (province, basis, day, n)
              SELECT province, basis, assignment_tally_day(basis, due_date, next_report_due), -count(*)
                FROM (SELECT split_part(r.organization_path::text, '.', 1) AS province, r.due_date, r.next_report_due,
                             assignment_tally_basis(r.status, r.due_date, r.completed_on,
                                                    r.completion_requested_on, r.next_report_due) AS basis
                        FROM tally_old r) k
               GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (province, basis, day) DO UPDATE SET n = assignment_tallies.n + EXCLUDED.n;
          ELSE
            INSERT INTO assignment_tallies (province, basis, day, n)
              SELECT province, basis, assignment_tally_day(basis, due_date, next_report_due), sum(delta)
                FROM (SELECT split_part(r.organization_path::text, '.', 1) AS province, r.due_date, r.next_report_due,
                             assignment_tally_basis(r.status, r.due_date, r.completed_on,
                                                    r.completion_requested_on, r.next_report_due) AS basis, 1 AS delta
                        FROM tally_new r
                      UNION ALL
                      SELECT split_part(r.organization_path::text, '.', 1), r.due_date, r.next_report_due,
                             assignment_tally_basis(r.status, r.due_date, r.completed_on,
                                                    r.completion_requested_on, r.next_report_due), -1
                        FROM tally_old r) k
               GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
            ON CONFLICT (province, basis, day) DO UPDATE SET n = assignment_tallies.n + EXCLUDED.n;
          END IF;
          RETURN NULL;
        END $$`);
    await queryRunner.query(`
      CREATE TRIGGER assignment_tallies_insert AFTER INSERT ON assignments
        REFERENCING NEW TABLE AS tally_new FOR EACH STATEMENT EXECUTE FUNCTION assignment_tallies_apply()`);
    await queryRunner.query(`
      CREATE TRIGGER assignment_tallies_update AFTER UPDATE ON assignments
        REFERENCING OLD TABLE AS tally_old NEW TABLE AS tally_new
        FOR EACH STATEMENT EXECUTE FUNCTION assignment_tallies_apply()`);
    await queryRunner.query(`
      CREATE TRIGGER assignment_tallies_delete AFTER DELETE ON assignments
        REFERENCING OLD TABLE AS tally_old FOR EACH STATEMENT EXECUTE FUNCTION assignment_tallies_apply()`);
    // The counts of the rows already there (the triggers above hold the table's writers
    // until this transaction commits, so nothing is counted twice or missed).
    await queryRunner.query(`
      INSERT INTO assignment_tallies (province, basis, day, n)
        SELECT province, basis, assignment_tally_day(basis, due_date, next_report_due), count(*)
          FROM (SELECT split_part(organization_path::text, '.', 1) AS province, due_date, next_report_due,
                       assignment_tally_basis(status, due_date, completed_on, completion_requested_on,
                                              next_report_due) AS basis
                  FROM assignments) k
         GROUP BY 1, 2, 3`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER assignment_tallies_delete ON assignments');
    await queryRunner.query('DROP TRIGGER assignment_tallies_update ON assignments');
    await queryRunner.query('DROP TRIGGER assignment_tallies_insert ON assignments');
    await queryRunner.query('DROP FUNCTION assignment_tallies_apply()');
    await queryRunner.query('DROP FUNCTION assignment_tally_day(text, date, date)');
    await queryRunner.query('DROP FUNCTION assignment_tally_basis(text, date, date, date, date)');
    await queryRunner.query('DROP TABLE assignment_tallies');
  }
}
