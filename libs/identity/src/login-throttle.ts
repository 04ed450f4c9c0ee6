import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { Clock, DomainErrorCode, DomainException } from '@dondoc/platform';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_SECONDS = 15 * 60;

/**
 * Five failed logins in fifteen minutes, for one e-mail or from one address, and further
 * attempts wait. Kept in PostgreSQL so every API process counts the same attempts.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async assertAllowed(email: string, address: string): Promise<void> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - FAILURE_WINDOW_SECONDS * 1000);
    const rows = (await this.dataSource.query(
      `SELECT 'email' AS by, count(*)::int AS failures, min(attempted_at) AS oldest
         FROM (SELECT attempted_at FROM login_attempts
                WHERE email = $1 AND NOT succeeded AND attempted_at > $3
                ORDER BY attempted_at DESC LIMIT ${MAX_FAILURES}) AS e
       UNION ALL
       SELECT 'address', count(*)::int, min(attempted_at)
         FROM (SELECT attempted_at FROM login_attempts
                WHERE address = $2 AND NOT succeeded AND attempted_at > $3
                ORDER BY attempted_at DESC LIMIT ${MAX_FAILURES}) AS a`,
      [email, address, since],
    )) as { failures: number; oldest: Date | null }[];
    const blocked = rows.filter((row) => row.failures >= MAX_FAILURES && row.oldest);
    if (blocked.length === 0) return;
    const freeAt = Math.max(
      ...blocked.map((row) => new Date(row.oldest as Date).getTime() + FAILURE_WINDOW_SECONDS * 1000),
    );
    const seconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
    throw new DomainException(
      DomainErrorCode.TOO_MANY_REQUESTS,
      {
        en: `Too many failed attempts: retry after ${seconds} s`,
        vi: `Đăng nhập sai quá nhiều lần: thử lại sau ${seconds} giây`,
      },
      { retryAfterSeconds: seconds },
    );
  }

  async record(email: string, address: string, succeeded: boolean): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO login_attempts (email, address, succeeded, attempted_at) VALUES ($1, $2, $3, $4)',
      [email, address, succeeded, this.clock.now()],
    );
  }
}
