import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open work in due-date order, with the id that breaks ties: the order of the assignment
 * list (by due date, then id) for the filters that imply open work (OVERDUE, DUE_SOON,
 * ON_TRACK — AssignmentQuery states the implied status), so a page of 25 overdue items is
 * read off the index in order instead of sorting a province's work. Replaces
 * `assignments_open_due` (due date only), which the sweeps read the same way.
 */
export class IndexOpenWorkByDueDate1764202400000 implements MigrationInterface {
  name = 'IndexOpenWorkByDueDate1764202400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX assignments_open_due_id ON assignments (due_date, id)
        WHERE status IN ('NOT_STARTED','IN_PROGRESS','COMPLETION_REQUESTED')`,
    );
    await queryRunner.query('DROP INDEX assignments_open_due');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE INDEX assignments_open_due ON assignments (due_date) WHERE status IN ('NOT_STARTED','IN_PROGRESS','COMPLETION_REQUESTED')",
    );
    await queryRunner.query('DROP INDEX assignments_open_due_id');
  }
}
