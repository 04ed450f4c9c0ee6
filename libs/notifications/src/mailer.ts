import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { Injectable, Logger } from '@nestjs/common';
import { type SendMailOptions, type Transporter, createTransport } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';

import { AppConfig, Clock } from '@dondoc/platform';

/** A notification whose sending failed this many times is no longer tried. */
export const MAX_EMAIL_ATTEMPTS = 5;

export const DEFAULT_FROM = 'Dondoc <no-reply@dondoc.local>';

/** Seconds, not the minutes nodemailer waits by default: the rows stay locked meanwhile. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

export interface SendPendingResult {
  sent: number;
  failed: number;
}

/** A claimed notification with its recipient's address. */
interface PendingMail {
  id: string;
  createdAt: Date;
  subject: string;
  message: string;
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
  private transporter: Transporter | undefined;

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
   * Sends up to `limit` notifications not yet e-mailed, oldest first. They are claimed
   * with FOR UPDATE SKIP LOCKED and marked in the same transaction, so a second worker
   * running at the same time takes other rows, and a notification is e-mailed once. (A
   * process killed after sending but before committing sends those again on the next run:
   * the Message-ID, derived from the notification, lets mail programs drop the duplicate.)
   * A failure is logged and counted; after MAX_EMAIL_ATTEMPTS it is no longer tried.
   */
  sendPending(limit = 100): Promise<SendPendingResult> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await claim(manager, limit);
      const sent: string[] = [];
      const failed: string[] = [];
      for (const mail of claimed) {
        try {
          await this.send(mail);
          sent.push(mail.id);
        } catch (error) {
          failed.push(mail.id);
          this.logger.error(
            `E-mail of notification ${mail.id} to ${mail.email} failed: ${(error as Error).message}`,
          );
        }
      }
      if (sent.length > 0) {
        await manager.query('UPDATE notifications SET emailed_at = $2 WHERE id = ANY($1::uuid[])', [
          sent,
          this.clock.now().toISOString(),
        ]);
      }
      if (failed.length > 0) {
        await manager.query(
          'UPDATE notifications SET email_attempts = email_attempts + 1 WHERE id = ANY($1::uuid[])',
          [failed],
        );
      }
      if (claimed.length > 0) {
        this.logger.log(`E-mailed ${sent.length} notification(s), ${failed.length} failed`);
      }
      return { sent: sent.length, failed: failed.length };
    });
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
    const info = (await this.transport().sendMail(message)) as { message?: unknown };
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

  private transport(): Transporter {
    this.transporter ??=
      this.config.smtpUrl === null
        ? createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
        : createTransport({ url: this.config.smtpUrl, ...SMTP_TIMEOUTS });
    return this.transporter;
  }
}

/**
 * The oldest notifications not yet e-mailed, locked for this transaction; rows another
 * worker holds are skipped. Served by the partial index notifications_mail_pending.
 */
function claim(manager: EntityManager, limit: number): Promise<PendingMail[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be 1 or more, not ${limit}`);
  return manager.query<PendingMail[]>(
    `SELECT n.id, n.created_at AS "createdAt", n.subject, n.message, u.email, u.name
       FROM notifications n
       JOIN users u ON u.id = n.recipient_user_id
      WHERE n.emailed_at IS NULL AND n.email_attempts < $1 AND u.active
      ORDER BY n.created_at, n.id
      LIMIT $2
        FOR UPDATE OF n SKIP LOCKED`,
    [MAX_EMAIL_ATTEMPTS, limit],
  );
}
