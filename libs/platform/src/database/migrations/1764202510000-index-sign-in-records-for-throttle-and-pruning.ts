import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The indexes the login throttle and the pruning of sign-in records read
 * (libs/identity: login-throttle.ts, sign-in-records-pruner.ts):
 * - an account's latest success (failures before it no longer count) and whether it signed
 *   in from an address before: `login_attempts_succeeded`;
 * - attempts past the failure window, deleted in batches: `login_attempts_attempted_at`;
 * - refresh tokens expired or revoked long ago, deleted in batches: `refresh_tokens_expires_at`
 *   and `refresh_tokens_revoked_at` (only revoked rows: most tokens never are).
 */
export class IndexSignInRecordsForThrottleAndPruning1764202510000 implements MigrationInterface {
  name = 'IndexSignInRecordsForThrottleAndPruning1764202510000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX login_attempts_succeeded ON login_attempts (email, id) WHERE succeeded',
    );
    await queryRunner.query('CREATE INDEX login_attempts_attempted_at ON login_attempts (attempted_at)');
    await queryRunner.query('CREATE INDEX refresh_tokens_expires_at ON refresh_tokens (expires_at)');
    await queryRunner.query(
      'CREATE INDEX refresh_tokens_revoked_at ON refresh_tokens (revoked_at) WHERE revoked_at IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX refresh_tokens_revoked_at');
    await queryRunner.query('DROP INDEX refresh_tokens_expires_at');
    await queryRunner.query('DROP INDEX login_attempts_attempted_at');
    await queryRunner.query('DROP INDEX login_attempts_succeeded');
  }
}
