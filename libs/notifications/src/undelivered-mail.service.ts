import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type SelectQueryBuilder } from 'typeorm';

import { type AuditActor, AuditTrail } from '@dondoc/audit';
import { type AccessScope, isUuid, scopeCondition } from '@dondoc/organizations';
import { Clock, type ListParams, pageQuery, resolveListParams } from '@dondoc/platform';

import type { NotificationKind } from './notification-kind.js';
import { Notification } from './notification.entity.js';

/** A notification whose e-mail failed at least once and is not delivered, as an administrator reads it. */
export interface UndeliveredEmail {
  id: string;
  kind: NotificationKind;
  subject: string;
  recipientUserId: string;
  recipientName: string;
  recipientEmail: string;
  attempts: number;
  lastError: string | null;
  /** Null once given up. */
  nextAttemptAt: Date | null;
  /** When the mailer gave up; null while it still tries. */
  givenUpAt: Date | null;
  createdAt: Date;
}

export interface UndeliveredEmailFilter {
  ids?: string[] | null;
  /** true: only given up; false: only those still retrying. */
  givenUp?: boolean | null;
}

const SORTABLE: Record<string, string> = {
  id: 'n.id',
  createdAt: 'n.created_at',
  attempts: 'n.email_attempts',
  nextAttemptAt: 'n.email_next_attempt_at',
  givenUpAt: 'n.email_failed_at',
};

const COLUMNS = [
  'n.id AS id',
  'n.kind AS kind',
  'n.subject AS subject',
  'n.recipient_user_id AS "recipientUserId"',
  'u.name AS "recipientName"',
  'u.email AS "recipientEmail"',
  'n.email_attempts AS attempts',
  'n.email_last_error AS "lastError"',
  'n.email_next_attempt_at AS "nextAttemptAt"',
  'n.email_failed_at AS "givenUpAt"',
  'n.created_at AS "createdAt"',
];

/**
 * E-mail that did not get through, for administrators (the API lets only them in): listed
 * with what went wrong and when it is tried next, and sent back to the mailer as due now.
 * Read through the caller's scope by the recipient's body, as other administrative reads.
 */
@Injectable()
export class UndeliveredMailService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** Newest first unless asked otherwise; served by the partial index notifications_mail_undelivered. */
  list(scope: AccessScope, filter: UndeliveredEmailFilter, params: ListParams): Promise<UndeliveredEmail[]> {
    const list = resolveListParams(params, SORTABLE, { sortField: 'createdAt', sortOrder: 'DESC' });
    return pageQuery(
      this.filtered(this.notifications, scope, filter).select(COLUMNS),
      list,
      'n.id',
    ).getRawMany();
  }

  count(scope: AccessScope, filter: UndeliveredEmailFilter): Promise<number> {
    return this.filtered(this.notifications, scope, filter).getCount();
  }

  /**
   * Makes undelivered messages due now with a fresh schedule of attempts: those among `ids`,
   * or, without ids, every one given up. Each is audited; returns how many were retried.
   */
  retry(scope: AccessScope, ids: string[] | null, actor: AuditActor): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const filter = ids === null ? { givenUp: true } : { ids };
      const targets = await this.filtered(manager.getRepository(Notification), scope, filter)
        .select([
          'n.id AS id',
          'u.organization_id AS "organizationId"',
          'n.email_attempts AS attempts',
          'n.email_failed_at AS "givenUpAt"',
          'n.email_last_error AS "lastError"',
        ])
        .setLock('pessimistic_write', undefined, ['n'])
        .getRawMany<{
          id: string;
          organizationId: string;
          attempts: number;
          givenUpAt: Date | null;
          lastError: string | null;
        }>();
      if (targets.length === 0) return 0;
      const now = this.clock.now();
      await manager.query(
        `UPDATE notifications
            SET email_attempts = 0, email_failed_at = NULL, email_next_attempt_at = $2
          WHERE id = ANY($1::uuid[])`,
        [targets.map((target) => target.id), now.toISOString()],
      );
      await this.audit.recordMany(
        manager,
        targets.map((target) => ({
          ...actor,
          action: 'notification.email_retried',
          entityType: 'notification',
          entityId: target.id,
          before: { attempts: target.attempts, givenUpAt: target.givenUpAt, lastError: target.lastError },
          after: { attempts: 0, givenUpAt: null, nextAttemptAt: now },
          subjectOrganizationIds: [target.organizationId],
        })),
      );
      return targets.length;
    });
  }

  private filtered(
    notifications: Repository<Notification>,
    scope: AccessScope,
    filter: UndeliveredEmailFilter,
  ): SelectQueryBuilder<Notification> {
    const condition = scopeCondition('o.path', scope);
    const query = notifications
      .createQueryBuilder('n')
      .innerJoin('users', 'u', 'u.id = n.recipient_user_id')
      .innerJoin('organizations', 'o', 'o.id = u.organization_id')
      // The predicate of notifications_mail_undelivered.
      .where('n.emailed_at IS NULL AND n.email_attempts > 0')
      .andWhere(condition.sql, condition.parameters);
    if (filter.ids) query.andWhere('n.id = ANY(:ids::uuid[])', { ids: filter.ids.filter(isUuid) });
    if (filter.givenUp === true) query.andWhere('n.email_failed_at IS NOT NULL');
    if (filter.givenUp === false) query.andWhere('n.email_failed_at IS NULL');
    return query;
  }
}
