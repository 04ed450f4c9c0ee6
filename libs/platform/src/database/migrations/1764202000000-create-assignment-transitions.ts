import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the follow-up sweeps have noticed about an assignment: each change of timeliness
 * (to DUE_SOON, to OVERDUE), each reminder and each escalation, once per due date and
 * threshold. The primary key is what makes a sweep that runs twice notice things once.
 */
export class CreateAssignmentTransitions1764202000000 implements MigrationInterface {
  name = 'CreateAssignmentTransitions1764202000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE assignment_transitions (
        assignment_id uuid NOT NULL REFERENCES assignments(id),
        kind text NOT NULL CHECK (kind IN ('DUE_SOON','OVERDUE','DUE_REMINDER','ESCALATED')),
        due_date date NOT NULL,
        threshold int NOT NULL DEFAULT 0,
        noticed_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (assignment_id, kind, due_date, threshold)
      )`);
    await queryRunner.query(
      'CREATE INDEX assignment_transitions_noticed ON assignment_transitions (noticed_on)',
    );
    // The sweeps look for open work by due date.
    await queryRunner.query(
      "CREATE INDEX assignments_open_due ON assignments (due_date) WHERE status IN ('NOT_STARTED','IN_PROGRESS','COMPLETION_REQUESTED')",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX assignments_open_due');
    await queryRunner.query('DROP TABLE assignment_transitions');
  }
}
