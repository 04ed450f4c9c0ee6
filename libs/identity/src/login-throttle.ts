import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { Clock, DomainErrorCode, DomainException } from '@dondoc/platform';

import { delayAfterFailures, FAILURE_WINDOW_SECONDS, FREE_FAILURES } from './login-delay.js';

/**
 * Distinct accounts one address may fail on within SPRAY_WINDOW_SECONDS before it must wait
 * to try yet another one. Generous on purpose: a whole office signs in through one address,
 * and its staff mistype too; thirty different accounts failing from one place within a
 * quarter of an hour is someone trying one password on many accounts, which the per-account
 * delays cannot see. Accounts that signed in from the address before are not stopped by it.
 */
export const SPRAY_MAX_ACCOUNTS = 30;
export const SPRAY_WINDOW_SECONDS = 15 * 60;

/** Failures read per account: enough to reach the longest delay, no more. */
const FAILURES_READ = FREE_FAILURES + 12;

// Key spaces of the two-key advisory locks: arbitrary constants, apart from one another and
// from every one-key lock of the product (PostgreSQL keeps the two forms apart).
const ACCOUNT_LOCK = 1_401;
const ADDRESS_LOCK = 1_402;

/** An attempt that may go on to the password check: its row counts as a failure until it succeeds. */
export interface ReservedAttempt {
  id: string;
}

/**
 * Sign-in throttling, kept in PostgreSQL so every API process counts the same attempts.
 *
 * Per account: five failures since the last success are checked freely, then each further
 * attempt waits 1 s, 2 s, 4 s … up to 15 minutes after the latest failure, whoever sends it
 * from wherever. Per address only a cap on spraying many accounts (SPRAY_MAX_ACCOUNTS): one
 * address hammering one account does not shut out the colleagues behind the same proxy.
 *
 * An attempt is decided and recorded in one transaction serialized per account (and per
 * address), before the password is checked: of 40 parallel guesses the first five reserve
 * their rows, and every later one sees them.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Records an attempt as a failure unless it is refused with TOO_MANY_REQUESTS. */
  async reserve(email: string, address: string): Promise<ReservedAttempt> {
    const now = this.clock.now();
    // READ COMMITTED: each statement sees what the previous holder of the lock committed
    // (a snapshot taken before the lock was granted would not).
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      // Account first, address second in every transaction: the order rules out deadlocks.
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ACCOUNT_LOCK, email]);
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ADDRESS_LOCK, address]);
      const accountWait = await this.accountWait(manager, email, now);
      if (accountWait > 0) throw tooManyFailures(accountWait);
      const addressWait = await this.addressWait(manager, email, address, now);
      if (addressWait > 0) throw tooManyAccounts(addressWait);
      const [{ id }] = (await manager.query(
        `INSERT INTO login_attempts (email, address, succeeded, attempted_at)
         VALUES ($1, $2, false, $3) RETURNING id`,
        [email, address, now],
      )) as [{ id: string }];
      return { id };
    });
  }

  /** The password was right: the attempt stops counting, and so do the failures before it. */
  async succeeded(attempt: ReservedAttempt): Promise<void> {
    await this.dataSource.query('UPDATE login_attempts SET succeeded = true WHERE id = $1', [attempt.id]);
  }

  /**
   * Seconds the account still waits: its failures since its last success (by id, so
   * attempts within one clock tick keep their order) within the window, the latest first.
   */
  private async accountWait(manager: EntityManager, email: string, now: Date): Promise<number> {
    const [{ failures, latest }] = (await manager.query(
      `SELECT count(*)::int AS failures, max(attempted_at) AS latest
         FROM (SELECT attempted_at FROM login_attempts
                WHERE email = $1 AND NOT succeeded AND attempted_at > $2
                  AND id > coalesce((SELECT max(id) FROM login_attempts WHERE email = $1 AND succeeded), 0)
                ORDER BY attempted_at DESC LIMIT ${FAILURES_READ}) AS recent`,
      [email, secondsBefore(now, FAILURE_WINDOW_SECONDS)],
    )) as [{ failures: number; latest: Date | null }];
    if (!latest) return 0;
    return secondsUntil(new Date(latest).getTime() + delayAfterFailures(failures) * 1000, now);
  }

  /**
   * Seconds the address still waits before trying this account: once it has failed on
   * SPRAY_MAX_ACCOUNTS accounts lately, until the oldest of those ages out of the window;
   * never for an account that signed in from this address within the failure window.
   */
  private async addressWait(
    manager: EntityManager,
    email: string,
    address: string,
    now: Date,
  ): Promise<number> {
    const rows = (await manager.query(
      `SELECT latest
         FROM (SELECT max(attempted_at) AS latest FROM login_attempts
                WHERE address = $1 AND NOT succeeded AND attempted_at > $2
                GROUP BY email) AS accounts
        ORDER BY latest DESC OFFSET ${SPRAY_MAX_ACCOUNTS - 1} LIMIT 1`,
      [address, secondsBefore(now, SPRAY_WINDOW_SECONDS)],
    )) as { latest: Date }[];
    if (rows.length === 0) return 0;
    const [{ known }] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM login_attempts
                       WHERE email = $1 AND succeeded AND address = $2 AND attempted_at > $3) AS known`,
      [email, address, secondsBefore(now, FAILURE_WINDOW_SECONDS)],
    )) as [{ known: boolean }];
    if (known) return 0;
    return secondsUntil(new Date(rows[0].latest).getTime() + SPRAY_WINDOW_SECONDS * 1000, now);
  }
}

function secondsBefore(now: Date, seconds: number): Date {
  return new Date(now.getTime() - seconds * 1000);
}

/** Whole seconds from now until `at`, rounded up; 0 once it has passed. */
function secondsUntil(at: number, now: Date): number {
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

function tooManyFailures(seconds: number): DomainException {
  return new DomainException(
    DomainErrorCode.TOO_MANY_REQUESTS,
    {
      en: `Too many failed attempts: retry after ${seconds} s`,
      vi: `Đăng nhập sai quá nhiều lần: thử lại sau ${seconds} giây`,
    },
    { retryAfterSeconds: seconds },
  );
}

function tooManyAccounts(seconds: number): DomainException {
  return new DomainException(
    DomainErrorCode.TOO_MANY_REQUESTS,
    {
      en: `Too many accounts failed to sign in from this address: retry after ${seconds} s`,
      vi: `Quá nhiều tài khoản đăng nhập sai từ địa chỉ này: thử lại sau ${seconds} giây`,
    },
    { retryAfterSeconds: seconds },
  );
}
