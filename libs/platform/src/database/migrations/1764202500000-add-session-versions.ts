import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that end when their reason ends. `users.session_version` moves on when a person's
 * password, activity, roles or body change; each access token carries the version it was
 * issued under and is refused once it differs. The partial index finds a user's open refresh
 * tokens to revoke them (the family check uses `refresh_tokens_family`).
 */
export class AddSessionVersions1764202500000 implements MigrationInterface {
  name = 'AddSessionVersions1764202500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE users ADD COLUMN session_version integer NOT NULL DEFAULT 0');
    await queryRunner.query(
      'CREATE INDEX refresh_tokens_open_by_user ON refresh_tokens (user_id) WHERE revoked_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX refresh_tokens_open_by_user');
    await queryRunner.query('ALTER TABLE users DROP COLUMN session_version');
  }
}
