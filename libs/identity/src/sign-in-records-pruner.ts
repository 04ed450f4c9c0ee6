import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock } from '@dondoc/platform';

import { FAILURE_WINDOW_SECONDS } from './login-delay.js';

/** Rows one statement deletes at most: short transactions, no long lock on either table. */
export const PRUNE_BATCH = 5_000;
/** Refresh tokens are kept this long after they expired or were revoked (for inquiries). */
export const ENDED_REFRESH_TOKEN_DAYS = 7;

export interface PrunedSignInRecords {
  loginAttempts: number;
  expiredRefreshTokens: number;
  revokedRefreshTokens: number;
}

/**
 * One batch of `table`'s rows whose `column` is before $1, at most $2 of them, found through
 * that column's index (migration 1764202510000); SKIP LOCKED lets two workers pruning at once
 * share the rows instead of waiting.
 */
function pruneBatch(table: string, column: string): string {
  return `
  WITH gone AS (
    DELETE FROM ${table} WHERE id IN (
      SELECT id FROM ${table} WHERE ${column} < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
    RETURNING 1)
  SELECT count(*)::int AS deleted FROM gone`;
}

export const PRUNE_STATEMENTS = {
  loginAttempts: pruneBatch('login_attempts', 'attempted_at'),
  expiredRefreshTokens: pruneBatch('refresh_tokens', 'expires_at'),
  revokedRefreshTokens: pruneBatch('refresh_tokens', 'revoked_at'),
} as const;

/**
 * Keeps the sign-in records from growing without end: login attempts older than the
 * throttle's failure window (they no longer count for anything), refresh tokens that expired
 * or were revoked more than ENDED_REFRESH_TOKEN_DAYS ago (they can no longer be used; a used
 * but live token stays, because presenting it again is how a stolen token is detected).
 * Deleting what is already gone deletes nothing: the job may run any number of times.
 */
@Injectable()
export class SignInRecordsPruner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async prune(batch = PRUNE_BATCH): Promise<PrunedSignInRecords> {
    const now = this.clock.now().getTime();
    const attemptsBefore = new Date(now - FAILURE_WINDOW_SECONDS * 1000);
    const tokensBefore = new Date(now - ENDED_REFRESH_TOKEN_DAYS * 86_400_000);
    return {
      loginAttempts: await this.inBatches(PRUNE_STATEMENTS.loginAttempts, attemptsBefore, batch),
      expiredRefreshTokens: await this.inBatches(PRUNE_STATEMENTS.expiredRefreshTokens, tokensBefore, batch),
      revokedRefreshTokens: await this.inBatches(PRUNE_STATEMENTS.revokedRefreshTokens, tokensBefore, batch),
    };
  }

  /** Batch after batch, each its own statement, until one comes back short. */
  private async inBatches(statement: string, before: Date, batch: number): Promise<number> {
    let total = 0;
    for (;;) {
      const [{ deleted }] = (await this.dataSource.query(statement, [before, batch])) as [
        { deleted: number },
      ];
      total += deleted;
      if (deleted < batch) return total;
    }
  }
}
