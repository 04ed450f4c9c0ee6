import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'DUE_SOON','OVERDUE','DUE_REMINDER','ESCALATED'`;

/**
 * The figures of each reporting period frozen at its cut-off (chốt số liệu), so a quarterly
 * report printed next year gives the same numbers: one row per period and assignment,
 * written once (`INSERT … ON CONFLICT DO NOTHING`) and never updated. Read a period by
 * organization or by document (the dashboard's and the export's two ways in).
 *
 * Also: reminders before a period report's due day are recorded in `assignment_transitions`
 * like the other reminders (kind `REPORT_DUE_REMINDER`, the report's due day as `due_date`),
 * and a partial index serves the sweeps that walk open work with a reporting cadence.
 */
export class CreatePeriodSnapshots1764202100000 implements MigrationInterface {
  name = 'CreatePeriodSnapshots1764202100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE period_snapshots (
        period text NOT NULL,
        assignment_id uuid NOT NULL REFERENCES assignments(id),
        organization_id uuid NOT NULL,
        document_id uuid NOT NULL,
        status text NOT NULL
          CHECK (status IN ('NOT_STARTED','IN_PROGRESS','COMPLETION_REQUESTED','COMPLETED','CANCELLED')),
        timeliness text NOT NULL
          CHECK (timeliness IN ('ON_TRACK','DUE_SOON','OVERDUE','COMPLETED_ON_TIME','COMPLETED_LATE','CANCELLED')),
        percent_complete int NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
        due_date date,
        baseline_due_date date,
        taken_on date NOT NULL,
        PRIMARY KEY (period, assignment_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX period_snapshots_organization ON period_snapshots (period, organization_id)',
    );
    // Also what tells the cut-off sweep that a document's period is already frozen.
    await queryRunner.query(
      'CREATE INDEX period_snapshots_document ON period_snapshots (period, document_id)',
    );

    await queryRunner.query(
      'ALTER TABLE assignment_transitions DROP CONSTRAINT assignment_transitions_kind_check',
    );
    await queryRunner.query(
      `ALTER TABLE assignment_transitions ADD CONSTRAINT assignment_transitions_kind_check
         CHECK (kind IN (${KINDS_BEFORE},'REPORT_DUE_REMINDER'))`,
    );

    // Report requests and report reminders walk open work with a cadence in id order.
    await queryRunner.query(
      `CREATE INDEX assignments_open_cadence ON assignments (cadence, id)
        WHERE cadence <> 'NONE' AND status IN ('NOT_STARTED','IN_PROGRESS','COMPLETION_REQUESTED')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX assignments_open_cadence');
    await queryRunner.query(`DELETE FROM assignment_transitions WHERE kind = 'REPORT_DUE_REMINDER'`);
    await queryRunner.query(
      'ALTER TABLE assignment_transitions DROP CONSTRAINT assignment_transitions_kind_check',
    );
    await queryRunner.query(
      `ALTER TABLE assignment_transitions ADD CONSTRAINT assignment_transitions_kind_check CHECK (kind IN (${KINDS_BEFORE}))`,
    );
    await queryRunner.query('DROP TABLE period_snapshots');
  }
}
