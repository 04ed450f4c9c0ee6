import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository, SelectQueryBuilder } from 'typeorm';

import {
  AppConfig,
  Clock,
  type ListParams,
  badInput,
  notFound,
  page,
  resolveListParams,
} from '@dondoc/platform';

import { type NotificationFacts, assignmentLink, renderNotification } from './notification-messages.js';
import { NotificationKind, isNotificationKind } from './notification-kind.js';
import { Notification } from './notification.entity.js';

/** "Tell these people about this": the recipients are resolved in SQL when it is created. */
export interface NotificationRequest {
  kind: NotificationKind;
  /**
   * What it is about, unique per subject and due date or threshold, e.g.
   * `OVERDUE:<assignmentId>:2027-03-31`: the same key never notifies the same person twice.
   */
  key: string;
  /** Every active user of these bodies receives it (narrowed by `roles` when given). */
  organizationIds: readonly string[];
  /** Only the users of `organizationIds` having one of these roles. */
  roles?: readonly string[] | null;
  /** And these users directly, whatever their body or roles (if active). */
  userIds?: readonly string[] | null;
  assignmentId?: string | null;
  facts: NotificationFacts;
}

export interface NotificationFilter {
  ids?: readonly string[] | null;
  /** true: only unread; false: only read. */
  unread?: boolean | null;
  kind?: NotificationKind | null;
}

export const NOTIFICATION = { en: 'Notification', vi: 'thông báo' };

const SORTABLE: Record<string, string> = {
  createdAt: 'n.created_at',
  kind: 'n.kind',
  readAt: 'n.read_at',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string) => UUID.test(value);

/** A row of `INSERT … RETURNING *`, as pg gives it (snake_case). */
interface NotificationRow {
  id: string;
  recipient_user_id: string;
  kind: NotificationKind;
  assignment_id: string | null;
  key: string;
  subject: string;
  message: string;
  link: string | null;
  read_at: Date | null;
  emailed_at: Date | null;
  email_attempts: number;
  email_next_attempt_at: Date | null;
  email_last_error: string | null;
  email_failed_at: Date | null;
  created_at: Date;
}

/**
 * The in-app inbox: creates notifications exactly once per key and recipient, and lets
 * each person read and mark their own, never anyone else's.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Creates the notifications of these requests, each rendered in its recipient's
   * language, with one INSERT however many there are. A key already notified to a person
   * is skipped (ON CONFLICT DO NOTHING), so a job run twice, or two workers at once, create
   * each notification once. Returns only the rows created by this call. Inside the caller's
   * transaction when `manager` is given.
   */
  async notify(requests: readonly NotificationRequest[], manager?: EntityManager): Promise<Notification[]> {
    requests.forEach(checkRequest);
    if (requests.length === 0) return [];
    const db = manager ?? this.notifications.manager;

    // Who receives each request: one query for the whole batch. A user reached twice by
    // one request (by body and directly) is one recipient.
    const recipients = await db.query<{ index: number; user_id: string; locale: 'vi' | 'en' }[]>(
      `SELECT DISTINCT r.index, u.id AS user_id, u.locale
         FROM jsonb_to_recordset($1::jsonb) AS r(index int, organization_ids uuid[], roles text[], user_ids uuid[])
         JOIN users u
           ON u.active
          AND ((u.organization_id = ANY(r.organization_ids) AND (r.roles IS NULL OR u.roles && r.roles))
               OR u.id = ANY(r.user_ids))
        ORDER BY r.index, u.id`,
      [
        JSON.stringify(
          requests.map((request, index) => ({
            index,
            organization_ids: [...request.organizationIds],
            roles: request.roles?.length ? [...request.roles] : null,
            user_ids: request.userIds ? [...request.userIds] : [],
          })),
        ),
      ],
    );
    if (recipients.length === 0) return [];

    const createdAt = this.clock.now().toISOString();
    const rendered = new Map<string, { subject: string; message: string }>();
    const rows = recipients.map(({ index, user_id, locale }) => {
      const request = requests[index];
      const assignmentId = request.assignmentId ?? null;
      const link = assignmentId === null ? null : assignmentLink(this.config.appUrl, assignmentId);
      // Rendered once per request and language, not once per recipient.
      const cacheKey = `${index}:${locale}`;
      let text = rendered.get(cacheKey);
      if (!text) {
        text = renderNotification(request.kind, request.facts, { locale, link });
        rendered.set(cacheKey, text);
      }
      return {
        recipient_user_id: user_id,
        kind: request.kind,
        assignment_id: assignmentId,
        key: request.key,
        subject: text.subject,
        message: text.message,
        link,
        created_at: createdAt,
      };
    });

    // One statement and one parameter however many rows (a fan-out to thousands of bodies
    // would overflow a VALUES list's bind parameters). Two requests of one batch reaching
    // the same person with the same key insert once: the second row conflicts with the first.
    const inserted = await db.query<NotificationRow[]>(
      `INSERT INTO notifications (recipient_user_id, kind, assignment_id, key, subject, message, link, created_at)
       SELECT recipient_user_id, kind, assignment_id, key, subject, message, link, created_at
         FROM jsonb_to_recordset($1::jsonb) AS row(
                recipient_user_id uuid, kind text, assignment_id uuid, key text, subject text,
                message text, link text, created_at timestamptz)
       ON CONFLICT (key, recipient_user_id) DO NOTHING
       RETURNING *`,
      [JSON.stringify(rows)],
    );
    return inserted.map(fromRow);
  }

  /** A page of the user's own notifications, newest first unless asked otherwise. */
  async list(userId: string, filter: NotificationFilter, params: ListParams): Promise<Notification[]> {
    const list = resolveListParams(params, SORTABLE, { sortField: 'createdAt', sortOrder: 'DESC' });
    return page(this.own(userId, filter), list, 'n.id');
  }

  async count(userId: string, filter: NotificationFilter): Promise<number> {
    return this.own(userId, filter).getCount();
  }

  /** The user's own notification; anyone else's is simply not found. */
  async get(userId: string, id: string): Promise<Notification> {
    const found = await this.own(userId, { ids: [id] }).getOne();
    if (!found) throw notFound(NOTIFICATION, id);
    return found;
  }

  /** Marks the user's own unread notifications among `ids` read; returns how many changed. */
  async markRead(userId: string, ids: readonly string[]): Promise<number> {
    const valid = ids.filter(isUuid);
    if (!isUuid(userId) || valid.length === 0) return 0;
    const result = await this.notifications
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: this.clock.now() })
      .where('recipient_user_id = :userId', { userId })
      .andWhere('id = ANY(:ids::uuid[])', { ids: valid })
      .andWhere('read_at IS NULL')
      .execute();
    return result.affected ?? 0;
  }

  /**
   * The WHERE clause of list, count and get: always the recipient first, served by the
   * (recipient_user_id, created_at DESC) index and, for unread, its partial index.
   */
  private own(userId: string, filter: NotificationFilter): SelectQueryBuilder<Notification> {
    const query = this.notifications
      .createQueryBuilder('n')
      .where('n.recipient_user_id = :userId', { userId: isUuid(userId) ? userId : null });
    if (filter.ids) query.andWhere('n.id = ANY(:ids::uuid[])', { ids: filter.ids.filter(isUuid) });
    if (filter.unread === true) query.andWhere('n.read_at IS NULL');
    if (filter.unread === false) query.andWhere('n.read_at IS NOT NULL');
    if (filter.kind) {
      if (!isNotificationKind(filter.kind)) {
        throw badInput('kind', {
          en: `Unknown notification kind "${filter.kind}"`,
          vi: `Không có loại thông báo "${filter.kind}"`,
        });
      }
      query.andWhere('n.kind = :kind', { kind: filter.kind });
    }
    return query;
  }
}

/** A programming error in the caller (a sweep, a handler), not a user's input. */
function checkRequest(request: NotificationRequest, index: number): void {
  const problem = (text: string) => new TypeError(`Notification request #${index + 1}: ${text}`);
  if (!isNotificationKind(request.kind)) throw problem(`unknown kind ${JSON.stringify(request.kind)}`);
  if (typeof request.key !== 'string' || request.key.trim() === '') throw problem('key must not be empty');
  const ids = [...request.organizationIds, ...(request.userIds ?? [])];
  if (request.assignmentId) ids.push(request.assignmentId);
  const bad = ids.find((id) => typeof id !== 'string' || !isUuid(id));
  if (bad !== undefined) throw problem(`${JSON.stringify(bad)} is not a uuid`);
  if (typeof request.facts?.taskText !== 'string' || typeof request.facts.organizationName !== 'string') {
    throw problem('facts need taskText and organizationName');
  }
}

function fromRow(row: NotificationRow): Notification {
  return Object.assign(new Notification(), {
    id: row.id,
    recipientUserId: row.recipient_user_id,
    kind: row.kind,
    assignmentId: row.assignment_id,
    key: row.key,
    subject: row.subject,
    message: row.message,
    link: row.link,
    readAt: row.read_at,
    emailedAt: row.emailed_at,
    emailAttempts: row.email_attempts,
    emailNextAttemptAt: row.email_next_attempt_at,
    emailLastError: row.email_last_error,
    emailFailedAt: row.email_failed_at,
    createdAt: row.created_at,
  });
}
