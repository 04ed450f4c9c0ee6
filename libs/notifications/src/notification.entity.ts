import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { NotificationKind } from './notification-kind.js';

/**
 * One message to one person: in the inbox until read, and e-mailed once. Written only by
 * `NotificationsService.notify` (one row per recipient, unique per key), e-mailed by
 * `Mailer.sendPending`; the table and its indexes are migrations 1764201900000 and
 * 1764202600000 (retries).
 */
@Entity('notifications')
@Index('notifications_key_recipient', ['key', 'recipientUserId'], { unique: true })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The user it is for (foreign key to users): nobody else ever sees it. */
  @Column({ type: 'uuid' })
  recipientUserId: string;

  @Column({ type: 'text' })
  kind: NotificationKind;

  /** The assignment it is about; null when it is about something else. No foreign key. */
  @Column({ type: 'uuid', nullable: true })
  assignmentId: string | null;

  /** What it is about, e.g. `OVERDUE:<assignmentId>:2027-03-31`: one per key and recipient. */
  @Column({ type: 'text' })
  key: string;

  /** Short: the e-mail's subject and the inbox title. */
  @Column({ type: 'text' })
  subject: string;

  /** Rendered in the recipient's language when the notification was created. */
  @Column({ type: 'text' })
  message: string;

  /** Where in the console to follow it up; null when there is nowhere to go. */
  @Column({ type: 'text', nullable: true })
  link: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** When it was handed to the mail server (or written to a file); null while pending. */
  @Column({ type: 'timestamptz', nullable: true })
  emailedAt: Date | null;

  /** Failed sends so far; the mailer gives up at MAIL_GIVE_UP_AFTER_ATTEMPTS. */
  @Column({ type: 'int', default: 0 })
  emailAttempts: number;

  /** When a failed send is tried again; null: due since its creation (never tried) or given up. */
  @Column({ type: 'timestamptz', nullable: true })
  emailNextAttemptAt: Date | null;

  /** What the last failed send met, for an administrator (at most 500 characters). */
  @Column({ type: 'text', nullable: true })
  emailLastError: string | null;

  /** When the mailer gave up; null while it still tries. An administrator may retry it. */
  @Column({ type: 'timestamptz', nullable: true })
  emailFailedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
