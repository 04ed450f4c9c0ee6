import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail read by subject, and keyed (issue 14).
 *
 * `subject_paths`: the ltree paths of the bodies an event is about (a document's owner; for
 * assigned work the assignee and the document's owner), so the owner of a record sees what
 * others did to it. Null for the events recorded before: the read falls back to their actor's
 * body. The GiST index serves `subject_paths <@ <root>` for each root of a caller's scope.
 *
 * `chain_version`: how an event's hash is computed. Existing events are version 1 (plain
 * SHA-256); the application writes version 2 (HMAC-SHA-256 with AUDIT_KEY, covering the
 * subject paths). No default once the old rows are filled: a writer must say which it is.
 *
 * Adding columns fires no row trigger: the append-only trigger stays as it is.
 */
export class AddAuditSubjectsAndKeyedChain1764202520000 implements MigrationInterface {
  name = 'AddAuditSubjectsAndKeyedChain1764202520000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE audit_events ADD COLUMN subject_paths ltree[]');
    await queryRunner.query('ALTER TABLE audit_events ADD COLUMN chain_version smallint NOT NULL DEFAULT 1');
    await queryRunner.query('ALTER TABLE audit_events ALTER COLUMN chain_version DROP DEFAULT');
    await queryRunner.query(
      'ALTER TABLE audit_events ADD CONSTRAINT audit_events_chain_version CHECK (chain_version IN (1, 2))',
    );
    await queryRunner.query(
      'CREATE INDEX audit_events_subject_idx ON audit_events USING gist (subject_paths)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX audit_events_subject_idx');
    await queryRunner.query('ALTER TABLE audit_events DROP CONSTRAINT audit_events_chain_version');
    await queryRunner.query('ALTER TABLE audit_events DROP COLUMN chain_version');
    await queryRunner.query('ALTER TABLE audit_events DROP COLUMN subject_paths');
  }
}
