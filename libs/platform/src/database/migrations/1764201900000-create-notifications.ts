import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The in-app inbox and the e-mail queue (libs/notifications). One row per recipient, keyed
 * by what it is about (`key`: kind, subject, due date or threshold): the unique index on
 * (key, recipient_user_id) is what makes a job that runs twice, or two workers, notify once
 * (`INSERT … ON CONFLICT DO NOTHING`).
 *
 * The indexes serve the inbox (a person's notifications, newest first), the console's bell
 * (a person's unread ones) and the mail sweep (not yet e-mailed, oldest first). No foreign
 * key to assignments: a notification may be about something else, and outlives what it
 * was about.
 */
export class CreateNotifications1764201900000 implements MigrationInterface {
  name = 'CreateNotifications1764201900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('ASSIGNMENT_CREATED','DUE_SOON','OVERDUE','ESCALATED',
          'DUE_REMINDER','REPORT_REQUESTED','REPORT_DUE_REMINDER','REPORT_SUBMITTED','REPORT_REVIEWED',
          'EXTENSION_REQUESTED','EXTENSION_DECIDED','COMPLETION_REQUESTED','COMPLETION_DECIDED',
          'ASSIGNMENT_CANCELLED','INSPECTION_FOLLOW_UP')),
        assignment_id uuid,
        key text NOT NULL CHECK (length(key) > 0),
        subject text NOT NULL,
        message text NOT NULL,
        link text,
        read_at timestamptz,
        emailed_at timestamptz,
        email_attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX notifications_key_recipient ON notifications (key, recipient_user_id)',
    );
    await queryRunner.query(
      'CREATE INDEX notifications_inbox ON notifications (recipient_user_id, created_at DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX notifications_unread ON notifications (recipient_user_id) WHERE read_at IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX notifications_mail_pending ON notifications (created_at) WHERE emailed_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE notifications');
  }
}
