import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail that is never lost (issue 15): a failed send is tried again after a growing delay
 * (`email_next_attempt_at`), the last error is kept for an administrator to read, and a
 * message that finally gives up is marked (`email_failed_at`) rather than silently left
 * behind a counter, so it can be listed and retried.
 *
 * The mail sweep's index now holds only what may still be sent (not e-mailed, not given
 * up), keyed by when it is due: its next attempt, or its creation when never tried. The
 * claim query orders and bounds by that same expression, so "due now" is a range scan.
 */
export class AddMailRetrySchedule1764202600000 implements MigrationInterface {
  name = 'AddMailRetrySchedule1764202600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notifications
        ADD COLUMN email_next_attempt_at timestamptz,
        ADD COLUMN email_last_error text CHECK (length(email_last_error) <= 1000),
        ADD COLUMN email_failed_at timestamptz`);
    // Rows the old rule had abandoned (five failures) are what the new one calls given up.
    await queryRunner.query(`
      UPDATE notifications SET email_failed_at = created_at
       WHERE emailed_at IS NULL AND email_attempts >= 5`);
    await queryRunner.query('DROP INDEX notifications_mail_pending');
    await queryRunner.query(`
      CREATE INDEX notifications_mail_pending
          ON notifications ((COALESCE(email_next_attempt_at, created_at)), id)
       WHERE emailed_at IS NULL AND email_failed_at IS NULL`);
    // What an administrator lists: messages that failed at least once and are not delivered.
    await queryRunner.query(`
      CREATE INDEX notifications_mail_undelivered
          ON notifications (created_at DESC, id)
       WHERE emailed_at IS NULL AND email_attempts > 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX notifications_mail_undelivered');
    await queryRunner.query('DROP INDEX notifications_mail_pending');
    await queryRunner.query(
      'CREATE INDEX notifications_mail_pending ON notifications (created_at) WHERE emailed_at IS NULL',
    );
    await queryRunner.query(`
      ALTER TABLE notifications
        DROP COLUMN email_failed_at,
        DROP COLUMN email_last_error,
        DROP COLUMN email_next_attempt_at`);
  }
}
