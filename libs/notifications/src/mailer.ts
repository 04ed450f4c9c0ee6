import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { Injectable, Logger } from '@nestjs/common';
import type { SendMailOptions, Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';

import { AppConfig, Clock, mailRetryDelayMs } from '@dondoc/platform';

import { describeMailFailure, isMailServerFailure } from './mail-failure.js';

export const DEFAULT_FROM = 'Dondoc <no-reply@dondoc.local>';

/** Seconds, not the minutes nodemailer waits by default: the rows stay locked meanwhile. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

export interface SendPendingResult {
  sent: number;
  /** Attempts that failed (given up ones included). */
  failed: number;
  /** Of those, messages that have now used their last attempt. */
  gaveUp: number;
  /** Claimed but not tried, because the mail server was unreachable: due again with the failed one. */
  deferred: number;
  /** The batch stopped at a failure of the mail server itself: do not start another one now. */
  serverDown: boolean;
}

/** A failed attempt, as it is stored. */
interface Failure {
  id: string;
  attempts: number;
  nextAttemptAt: string | null;
  error: string;
  failedAt: string | null;
}

/** A claimed notification with its recipient's address. */
interface PendingMail {
  id: string;
  createdAt: Date;
  subject: string;
  message: string;
  /** Failed attempts before this one. */
  attempts: number;
  email: string;
  name: string;
}

/**
 * E-mails notifications. With `SMTP_URL` through that server; without it (zero
 * configuration) each message is written as an `.eml` file under `DATA_DIR/mail/` that a
 * person can open in any mail program. Either way UTF-8 throughout, so Vietnamese arrives
 * intact.
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger(Mailer.name);
  private transporter: Promise<Transporter> | undefined;
  /**
   * This process's view of an outage: batches in a row that met the mail server down, and
   * until when it leaves the server alone. Whoever calls sendPending meanwhile (the
   * schedule, the event handler after new notifications) skips the server, so traffic
   * during an outage adds no connections. A message that goes through ends it.
   */
  private outage = { batches: 0, pausedUntil: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The SMTP account when its user name is an address, otherwise no-reply@dondoc.local. */
  get from(): string {
    if (this.config.smtpUrl === null) return DEFAULT_FROM;
    const user = decodeURIComponent(new URL(this.config.smtpUrl).username);
    return /^[^\s@<>]+@[^\s@<>]+$/.test(user) ? `Dondoc <${user}>` : DEFAULT_FROM;
  }

  /** Where the zero-configuration mail files go. */
  get mailDir(): string {
    return join(this.config.dataDir, 'mail');
  }

  /**
   * Sends up to `limit` notifications that are due, oldest due first. They are claimed
   * with FOR UPDATE SKIP LOCKED and marked in the same transaction, so a second worker
   * running at the same time takes other rows, and a notification is e-mailed once. (A
   * process killed after sending but before committing sends those again on the next run:
   * the Message-ID, derived from the notification, lets mail programs drop the duplicate.)
   *
   * A failed message is due again after a growing delay (`AppConfig.mailRetry`), and given
   * up after its last allowed attempt, for an administrator to see and retry. When the
   * failure is the server's (unreachable, timed out), the batch stops there: the rest is
   * deferred to the same time, untried, so an outage costs one attempt per run rather than
   * one per message while the rows stay locked; until then this process claims nothing.
   * One log line per batch.
   */
  async sendPending(limit = 100): Promise<SendPendingResult> {
    const now = this.clock.now();
    if (now.getTime() < this.outage.pausedUntil) {
      return { sent: 0, failed: 0, gaveUp: 0, deferred: 0, serverDown: true };
    }
    return this.dataSource.transaction(async (manager) => {
      const claimed = await claim(manager, limit, now);
      const sent: string[] = [];
      const failures: Failure[] = [];
      let deferred: string[] = [];
      let serverDown = false;
      for (const [index, mail] of claimed.entries()) {
        try {
          await this.send(mail);
          sent.push(mail.id);
          this.outage = { batches: 0, pausedUntil: 0 };
        } catch (error) {
          const failure = this.failure(mail, error, now);
          failures.push(failure);
          if (isMailServerFailure(error)) {
            serverDown = true;
            deferred = claimed.slice(index + 1).map((rest) => rest.id);
            const resumeAt = this.pauseAfter(failure, now);
            if (deferred.length > 0) {
              await manager.query(
                'UPDATE notifications SET email_next_attempt_at = $2 WHERE id = ANY($1::uuid[])',
                [deferred, resumeAt],
              );
            }
            break;
          }
        }
      }
      if (sent.length > 0) {
        await manager.query('UPDATE notifications SET emailed_at = $2 WHERE id = ANY($1::uuid[])', [
          sent,
          this.clock.now().toISOString(),
        ]);
      }
      if (failures.length > 0) await recordFailures(manager, failures);
      const result: SendPendingResult = {
        sent: sent.length,
        failed: failures.length,
        gaveUp: failures.filter((failure) => failure.failedAt !== null).length,
        deferred: deferred.length,
        serverDown,
      };
      if (claimed.length > 0) this.logBatch(result, failures);
      return result;
    });
  }

  /**
   * What a scheduled run does: batch after batch until nothing is due, each committing what
   * it sent. A batch that met the mail server down ends the run; the next run tries again.
   */
  async sendDue(batchSize = 100): Promise<SendPendingResult> {
    const total: SendPendingResult = { sent: 0, failed: 0, gaveUp: 0, deferred: 0, serverDown: false };
    for (;;) {
      const batch = await this.sendPending(batchSize);
      total.sent += batch.sent;
      total.failed += batch.failed;
      total.gaveUp += batch.gaveUp;
      total.deferred += batch.deferred;
      total.serverDown = batch.serverDown;
      if (batch.serverDown || batch.sent + batch.failed < batchSize) return total;
    }
  }

  /** What to store of one failed attempt: the next one, or the end. */
  private failure(mail: PendingMail, error: unknown, now: Date): Failure {
    const attempts = mail.attempts + 1;
    const gaveUp = attempts >= this.config.mailRetry.giveUpAfterAttempts;
    return {
      id: mail.id,
      attempts,
      nextAttemptAt: gaveUp ? null : this.nextAttemptAt(now, attempts),
      error: describeMailFailure(error),
      failedAt: gaveUp ? now.toISOString() : null,
    };
  }

  /**
   * When the mail server is tried again after it failed `failure`: the failed message's own
   * next attempt, unless this process has met the outage more often than that message
   * (a fresh message was first in the batch), whose longer step then holds.
   */
  private pauseAfter(failure: Failure, now: Date): string {
    this.outage.batches++;
    const resumeAt =
      failure.nextAttemptAt !== null && failure.attempts >= this.outage.batches
        ? failure.nextAttemptAt
        : this.nextAttemptAt(now, Math.max(failure.attempts, this.outage.batches));
    this.outage.pausedUntil = Date.parse(resumeAt);
    return resumeAt;
  }

  private nextAttemptAt(now: Date, failures: number): string {
    return new Date(now.getTime() + mailRetryDelayMs(this.config.mailRetry, failures)).toISOString();
  }

  private logBatch(result: SendPendingResult, failures: Failure[]): void {
    const summary = `E-mailed ${result.sent} notification(s), ${result.failed} failed`;
    if (failures.length === 0) {
      this.logger.log(summary);
      return;
    }
    const last = failures[failures.length - 1]!;
    const next = last.nextAttemptAt ? `next attempt at ${last.nextAttemptAt}` : 'given up';
    this.logger.warn(
      `${summary} (${result.gaveUp} given up)` +
        (result.serverDown ? `; the mail server failed, ${result.deferred} deferred untried` : '') +
        `; last error, ${next}: ${last.error}`,
    );
  }

  private async send(mail: PendingMail): Promise<void> {
    const message: SendMailOptions = {
      from: this.from,
      to: { name: mail.name, address: mail.email },
      subject: mail.subject,
      text: mail.message,
      // Derived from the notification: a message sent twice is recognisably the same one.
      messageId: `<${mail.id}@dondoc.local>`,
      headers: { 'X-Dondoc-Notification': mail.id },
    };
    const info = (await (await this.transport()).sendMail(message)) as { message?: unknown };
    if (this.config.smtpUrl === null) {
      if (!Buffer.isBuffer(info.message)) throw new Error('The file transport gave no message');
      await mkdir(this.mailDir, { recursive: true });
      // Named after the notification, not the moment of sending: a message written again
      // after a crash (sent, not yet marked) replaces itself, so each is there exactly once.
      // Colons are not allowed in file names everywhere a person may open the folder.
      const stamp = new Date(mail.createdAt).toISOString().replace(/:/g, '-');
      await writeFile(join(this.mailDir, `${stamp}-${mail.id}.eml`), info.message);
    }
  }

  /**
   * nodemailer is loaded at the first e-mail, not at start: the API's processes that never
   * send one (most of them) do not carry it in memory.
   */
  private transport(): Promise<Transporter> {
    this.transporter ??= import('nodemailer').then(({ createTransport }) =>
      this.config.smtpUrl === null
        ? createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
        : createTransport({ url: this.config.smtpUrl, ...SMTP_TIMEOUTS }),
    );
    return this.transporter;
  }
}

/**
 * The notifications due now (never tried, or their next attempt reached), oldest due first,
 * locked for this transaction; rows another worker holds are skipped. The due expression
 * is the key of the partial index notifications_mail_pending (migration 1764202600000).
 */
function claim(manager: EntityManager, limit: number, now: Date): Promise<PendingMail[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be 1 or more, not ${limit}`);
  return manager.query<PendingMail[]>(
    `SELECT n.id, n.created_at AS "createdAt", n.subject, n.message, n.email_attempts AS attempts,
            u.email, u.name
       FROM notifications n
       JOIN users u ON u.id = n.recipient_user_id
      WHERE n.emailed_at IS NULL AND n.email_failed_at IS NULL
        AND COALESCE(n.email_next_attempt_at, n.created_at) <= $1
        AND u.active
      ORDER BY COALESCE(n.email_next_attempt_at, n.created_at), n.id
      LIMIT $2
        FOR UPDATE OF n SKIP LOCKED`,
    [now.toISOString(), limit],
  );
}

/** Stores the failed attempts of a batch with one statement. */
async function recordFailures(manager: EntityManager, failures: Failure[]): Promise<void> {
  await manager.query(
    `UPDATE notifications n
        SET email_attempts = f.attempts, email_next_attempt_at = f.next_attempt_at,
            email_last_error = f.error, email_failed_at = f.failed_at
       FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::text[], $5::timestamptz[])
            AS f(id, attempts, next_attempt_at, error, failed_at)
      WHERE n.id = f.id`,
    [
      failures.map((f) => f.id),
      failures.map((f) => f.attempts),
      failures.map((f) => f.nextAttemptAt),
      failures.map((f) => f.error),
      failures.map((f) => f.failedAt),
    ],
  );
}
