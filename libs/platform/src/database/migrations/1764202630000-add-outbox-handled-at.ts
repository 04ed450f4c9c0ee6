import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox row is done when its job has run, not when it was queued: `handled_at` is set by
 * the worker after the job's work. A row relayed but never handled (Redis restarted empty,
 * or flushed, before the job ran) is queued again by the relay. Rows relayed before this
 * migration count as handled: their jobs ran or are in Redis already.
 */
export class AddOutboxHandledAt1764202630000 implements MigrationInterface {
  name = 'AddOutboxHandledAt1764202630000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE outbox ADD COLUMN handled_at timestamptz');
    await queryRunner.query('UPDATE outbox SET handled_at = relayed_at WHERE relayed_at IS NOT NULL');
    await queryRunner.query(
      'CREATE INDEX outbox_unhandled ON outbox (relayed_at, id) WHERE relayed_at IS NOT NULL AND handled_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX outbox_unhandled');
    await queryRunner.query('ALTER TABLE outbox DROP COLUMN handled_at');
  }
}
