import { Injectable } from '@nestjs/common';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

import { Clock } from '@dondoc/platform';

import { AuditEvent } from './audit-event.entity.js';
import { AuditException, AuditExceptionCode } from './audit.exception.js';
import { CURRENT_CHAIN_VERSION, GENESIS_HASH, type JsonValue, auditEventHash } from './audit-hash.js';
import { AuditKey } from './audit-key.js';

/** What a service says happened; `AuditTrail` adds the time, the id and the chain. */
export interface AuditEntry {
  /** Null when the system acted (a sweep, a job), not a person. */
  actorId: string | null;
  actorOrganizationId: string | null;
  /** `<entity>.<verb>`, e.g. `assignment.report_submitted`. */
  action: string;
  entityType: string;
  entityId: string;
  /** Stored as JSON, exactly as `JSON.stringify` writes it (a Date becomes its ISO string). */
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  /** Defaults to the injected clock's now; stored and hashed to the millisecond. */
  occurredAt?: Date;
  /**
   * The bodies the record belongs to, by id; their paths are stored and hashed with the
   * event, and whoever has one of them in scope reads it. One rule for every writer: the
   * record's owning body — a document's owner for the document, its tasks and its plan; for
   * work assigned to a body (an assignment, its reports and extensions) the assignee AND the
   * document's owner, who must see what others do with the work it gave out. Empty for
   * events about no body's record (they are then read by their actor's body). Nulls are
   * skipped, so a call site can pass an optional id as it is.
   */
  subjectOrganizationIds: readonly (string | null)[];
}

/**
 * An arbitrary constant: the transaction-scoped advisory lock that makes every writer of
 * the trail take its turn, so each event links to the one committed before it.
 */
export const AUDIT_CHAIN_LOCK = 7_346_201_700;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An entry in the form that is stored and hashed: exactly what will be read back. */
type StoredContent = Omit<AuditEvent, 'id' | 'previousHash' | 'hash' | 'subjectPaths' | 'chainVersion'>;

/** Events recorded in a transaction, waiting for its commit; `depth` 1 is the transaction itself. */
interface Queued {
  depth: number;
  events: AuditEvent[];
  /** The subject organization ids of each event, resolved to paths at the append. */
  subjects: string[][];
}

/**
 * The one way into the audit trail: every service records its events here, inside the
 * transaction that makes the change, so the change and its event commit or fail together.
 *
 * The events are appended last, just before COMMIT: the lock on the chain is then held only
 * for the append and the commit, not for the whole transaction, so the other statements of
 * concurrent writers overlap. It also gives every writer one lock order (its rows first,
 * the chain last), which a writer taking the chain early and rows later would not.
 */
@Injectable()
export class AuditTrail {
  private readonly queued = new WeakMap<QueryRunner, Queued[]>();
  private readonly hooked = new WeakSet<DataSource>();

  constructor(
    private readonly clock: Clock,
    private readonly key: AuditKey,
  ) {}

  /**
   * Records one event in the caller's transaction. The returned event gets its id and hashes
   * when the transaction commits.
   */
  async record(manager: EntityManager, entry: AuditEntry): Promise<AuditEvent> {
    const [event] = await this.recordMany(manager, [entry]);
    return event;
  }

  /**
   * Records events in order, in the caller's transaction, appended at its commit with one
   * lock and one INSERT however many there are (a task fanned out to 25,000 organizations is
   * one call). An entry that cannot be stored is refused here, at once.
   */

  async recordMany(manager: EntityManager, entries: readonly AuditEntry[]): Promise<AuditEvent[]> {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive !== true) {
      throw new AuditException(
        AuditExceptionCode.NOT_IN_TRANSACTION,
        'Audit events are recorded inside the transaction that makes the change: ' +
          'pass the EntityManager of dataSource.transaction(…)',
      );
    }
    if (entries.length === 0) return [];
    const now = this.clock.now();
    const events = entries.map((entry, index) =>
      Object.assign(new AuditEvent(), storedContent(entry, now, index)),
    );
    const subjects = entries.map((entry, index) => subjectIdsOf(entry, index));
    this.hook(manager.dataSource);
    const queue = this.queued.get(runner) ?? [];
    queue.push({ depth: depthOf(runner), events, subjects });
    this.queued.set(runner, queue);
    return events;
  }

  /** Appends what the transaction recorded, under the chain lock, just before it commits. */
  private async appendQueued(runner: QueryRunner): Promise<void> {
    // Releasing a savepoint is no commit: the events wait for the transaction's own.
    if (depthOf(runner) > 1) return;
    const queue = this.queued.get(runner);
    if (!queue) return;
    this.queued.delete(runner);
    await this.append(
      runner.manager,
      queue.flatMap((queued) => queued.events),
      queue.flatMap((queued) => queued.subjects),
    );
  }

  /** A rollback forgets what was recorded inside what it undoes. */
  private forgetRolledBack(runner: QueryRunner): void {
    const depth = depthOf(runner);
    const kept = (this.queued.get(runner) ?? []).filter((queued) => queued.depth < depth);
    if (kept.length > 0) this.queued.set(runner, kept);
    else this.queued.delete(runner);
  }

  /** Listens to the commits and rollbacks of a data source, once. */
  private hook(dataSource: DataSource): void {
    if (this.hooked.has(dataSource)) return;
    this.hooked.add(dataSource);
    const subscriber: EntitySubscriberInterface = {
      beforeTransactionCommit: (event: TransactionCommitEvent) => this.appendQueued(event.queryRunner),
      beforeTransactionRollback: (event: TransactionRollbackEvent) =>
        this.forgetRolledBack(event.queryRunner),
    };
    dataSource.subscribers.push(subscriber);
  }

  /** Links the events to the chain and inserts them, in the transaction of `manager`. */
  private async append(
    manager: EntityManager,
    events: readonly AuditEvent[],
    subjects: readonly string[][],
  ): Promise<void> {
    // One round trip for the turn (migration 1764202700000): the lock, then — under a fresh
    // snapshot, so the previous holder's events are seen — the head and a block of ids
    // reserved from the sequence, handed out in order: the id order is the chain order,
    // without relying on how INSERT … SELECT numbers its rows. The subjects' paths ride along
    // in the same statement: they do not depend on the chain, and a round trip costs more
    // than reading them.
    const subjectIds = [...new Set(subjects.flat())];
    const [head] = await manager.query<
      {
        previous_hash: string | null;
        last_id: string | null;
        isolation: string;
        paths: [id: string, path: string][];
      }[]
    >(
      `SELECT claim.previous_hash, claim.last_id, claim.isolation,
              (SELECT coalesce(json_agg(json_build_array(o.id::text, o.path::text)), '[]')
                 FROM organizations o WHERE o.id = ANY($3::uuid[])) AS paths
         FROM audit_chain_claim($1, $2) AS claim`,
      [events.length, AUDIT_CHAIN_LOCK, subjectIds],
    );
    if (head.isolation !== 'read committed' || head.last_id === null) {
      // A REPEATABLE READ or SERIALIZABLE snapshot predates the lock: it would not see the
      // event committed by the transaction we waited for, and the chain would fork.
      throw new AuditException(
        AuditExceptionCode.UNSUPPORTED_ISOLATION,
        `Audit events can only be recorded under READ COMMITTED, not ${head.isolation.toUpperCase()}`,
      );
    }
    const paths = subjectPathsOf(new Map(head.paths), subjects);
    const firstId = BigInt(head.last_id) - BigInt(events.length) + 1n;

    let previousHash = head.previous_hash ?? GENESIS_HASH;
    events.forEach((event, index) => {
      event.id = (firstId + BigInt(index)).toString();
      event.subjectPaths = paths[index];
      event.chainVersion = CURRENT_CHAIN_VERSION;
      event.previousHash = previousHash;
      event.hash = auditEventHash(event, this.key);
      previousHash = event.hash;
    });

    // One statement and one parameter however many rows: a multi-row VALUES list would run
    // into the 65,535 bind parameters of the protocol at about 5,000 events. A JSON null
    // becomes SQL NULL here, as it must for before and after.
    await manager.query(
      `INSERT INTO audit_events (id, occurred_at, actor_id, actor_organization_id, action, entity_type,
                                 entity_id, before, after, request_id, subject_paths, chain_version,
                                 previous_hash, hash)
       OVERRIDING SYSTEM VALUE
       SELECT id, occurred_at, actor_id, actor_organization_id, action, entity_type,
              entity_id, before, after, request_id, subject_paths::ltree[], chain_version, previous_hash, hash
         FROM jsonb_to_recordset($1::jsonb) AS row(
                id bigint, occurred_at timestamptz, actor_id uuid, actor_organization_id uuid, action text,
                entity_type text, entity_id text, before jsonb, after jsonb, request_id text,
                subject_paths text[], chain_version smallint, previous_hash text, hash text)`,
      [
        JSON.stringify(
          events.map((event) => ({
            id: event.id,
            occurred_at: event.occurredAt.toISOString(),
            actor_id: event.actorId,
            actor_organization_id: event.actorOrganizationId,
            action: event.action,
            entity_type: event.entityType,
            entity_id: event.entityId,
            before: event.before,
            after: event.after,
            request_id: event.requestId,
            subject_paths: event.subjectPaths,
            chain_version: event.chainVersion,
            previous_hash: event.previousHash,
            hash: event.hash,
          })),
        ),
      ],
    );
  }
}

/**
 * The ltree paths of each event's subject bodies, sorted and without repeats so the hash
 * does not depend on the order a call site listed them in. Read in the appending
 * transaction: a body created by it (organization.created) is found too. The audit library
 * reads the organizations table itself, so no call site can pass a path that is not the
 * body's. A body that does not exist is a bug of the caller, refused like a bad entry.
 */
function subjectPathsOf(
  pathOf: ReadonlyMap<string, string>,
  subjects: readonly string[][],
): (string[] | null)[] {
  return subjects.map((subjectIds, index) => {
    if (subjectIds.length === 0) return null;
    const missing = subjectIds.find((id) => !pathOf.has(id));
    if (missing !== undefined) {
      throw new AuditException(
        AuditExceptionCode.INVALID_ENTRY,
        `Audit event #${index + 1}: subject organization ${missing} does not exist`,
      );
    }
    return [...new Set(subjectIds.map((id) => pathOf.get(id) as string))].sort();
  });
}

/** The subject ids of an entry, checked and in the form pg gives back (lower-case uuids). */
function subjectIdsOf(entry: AuditEntry, index: number): string[] {
  const given = (entry as Partial<AuditEntry>).subjectOrganizationIds;
  if (!Array.isArray(given)) {
    throw new AuditException(
      AuditExceptionCode.INVALID_ENTRY,
      `Audit entry #${index + 1}: subjectOrganizationIds must list the bodies the record belongs to`,
    );
  }
  const ids: string[] = [];
  for (const id of given as readonly unknown[]) {
    if (id === null) continue;
    const lower = typeof id === 'string' ? id.toLowerCase() : '';
    if (!UUID.test(lower)) {
      throw new AuditException(
        AuditExceptionCode.INVALID_ENTRY,
        `Audit entry #${index + 1}: subjectOrganizationIds must be uuids, not ${JSON.stringify(id)}`,
      );
    }
    ids.push(lower);
  }
  return ids;
}

/** How deep the runner's transaction is: 1 for the transaction, more inside savepoints. */
function depthOf(runner: QueryRunner): number {
  // TypeORM keeps the depth protected; it is what decides between COMMIT and RELEASE SAVEPOINT.
  return (runner as unknown as { transactionDepth?: number }).transactionDepth ?? 1;
}

/**
 * Checks an entry and puts it in the form PostgreSQL will give back, so that the hash
 * computed now is the hash `verifyAuditChain` computes from the stored row later.
 */
function storedContent(entry: AuditEntry, now: Date, index: number): StoredContent {
  const invalid = (problem: string) =>
    new AuditException(AuditExceptionCode.INVALID_ENTRY, `Audit entry #${index + 1}: ${problem}`);
  for (const field of ['action', 'entityType', 'entityId'] as const) {
    if (typeof entry[field] !== 'string' || entry[field].trim() === '') {
      throw invalid(`${field} must be a non-empty string`);
    }
  }
  const uuid = (field: 'actorId' | 'actorOrganizationId'): string | null => {
    const value = entry[field];
    if (value === null) return null;
    // pg answers uuids in lower case: store them so, or the hash would not match on reading back.
    const lower = typeof value === 'string' ? value.toLowerCase() : '';
    if (!UUID.test(lower)) throw invalid(`${field} must be a uuid or null, not ${JSON.stringify(value)}`);
    return lower;
  };
  const occurredAt = entry.occurredAt ?? now;
  if (!(occurredAt instanceof Date) || Number.isNaN(occurredAt.getTime())) {
    throw invalid('occurredAt must be a valid Date');
  }
  const json = (field: 'before' | 'after'): JsonValue | null => {
    try {
      const text = JSON.stringify(entry[field]) as string | undefined;
      return text === undefined ? null : (JSON.parse(text) as JsonValue);
    } catch (error) {
      throw invalid(`${field} cannot be stored as JSON (${(error as Error).message})`);
    }
  };
  return {
    // A copy: a caller that later mutates its Date must not change what was hashed.
    occurredAt: new Date(occurredAt.getTime()),
    actorId: uuid('actorId'),
    actorOrganizationId: uuid('actorOrganizationId'),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: json('before'),
    after: json('after'),
    requestId: entry.requestId ?? null,
  };
}
