import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Inspections (kiểm tra, giám sát): an inspector's finding on an assignment, with the remedy
 * required and a follow-up date, open until resolved with a note. The assignee body's id and
 * tree path (and the document) are copied from the assignment so scoped lists and filters are
 * one indexed condition, as for assignments.
 *
 * `inspection_follow_ups` records each follow-up date the sweep has acted on: its primary key
 * (inspection, follow-up date) is what makes a sweep that runs twice notify once.
 *
 * And a notification kind for a recorded finding (INSPECTION_RECORDED).
 */
const KINDS_BEFORE = `'ASSIGNMENT_CREATED','DUE_SOON','OVERDUE','ESCALATED',
  'DUE_REMINDER','REPORT_REQUESTED','REPORT_DUE_REMINDER','REPORT_SUBMITTED','REPORT_REVIEWED',
  'EXTENSION_REQUESTED','EXTENSION_DECIDED','COMPLETION_REQUESTED','COMPLETION_DECIDED',
  'ASSIGNMENT_CANCELLED','INSPECTION_FOLLOW_UP'`;

export class CreateInspections1764202200000 implements MigrationInterface {
  name = 'CreateInspections1764202200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inspections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES assignments(id),
        document_id uuid NOT NULL REFERENCES documents(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        organization_path ltree NOT NULL,
        inspector_id uuid NOT NULL REFERENCES users(id),
        finding text NOT NULL CHECK (length(btrim(finding)) > 0),
        severity text NOT NULL CHECK (severity IN ('LOW','MEDIUM','HIGH')),
        remedy text NOT NULL CHECK (length(btrim(remedy)) > 0),
        follow_up_date date NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','RESOLVED')),
        resolution_note text,
        resolved_at timestamptz,
        resolved_by_id uuid REFERENCES users(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX inspections_assignment ON inspections (assignment_id, created_at DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX inspections_organization_path ON inspections USING gist (organization_path)',
    );
    await queryRunner.query(
      'CREATE INDEX inspections_organization ON inspections (organization_id, created_at DESC)',
    );
    await queryRunner.query('CREATE INDEX inspections_document ON inspections (document_id)');
    await queryRunner.query(
      'CREATE INDEX inspections_status_created ON inspections (status, created_at DESC, id)',
    );
    // The follow-up sweep looks for open inspections whose follow-up date has come.
    await queryRunner.query(
      "CREATE INDEX inspections_open_follow_up ON inspections (follow_up_date) WHERE status = 'OPEN'",
    );

    await queryRunner.query(`
      CREATE TABLE inspection_follow_ups (
        inspection_id uuid NOT NULL REFERENCES inspections(id),
        follow_up_date date NOT NULL,
        noticed_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (inspection_id, follow_up_date)
      )`);

    await queryRunner.query('ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check');
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
         CHECK (kind IN (${KINDS_BEFORE},'INSPECTION_RECORDED'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM notifications WHERE kind = 'INSPECTION_RECORDED'");
    await queryRunner.query('ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check');
    await queryRunner.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${KINDS_BEFORE}))`,
    );
    await queryRunner.query('DROP TABLE inspection_follow_ups');
    await queryRunner.query('DROP TABLE inspections');
  }
}
