import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { JsonValue } from './audit-hash.js';

/**
 * One link of the append-only, hash-chained audit trail: who did what to which record,
 * before and after, when. No foreign keys on purpose: the trail must outlive the users,
 * organizations and records it describes. Rows are written only by `AuditTrail` and the
 * database refuses UPDATE, DELETE and TRUNCATE (migration 1764201700000).
 */
@Entity('audit_events')
@Index('audit_events_entity_idx', ['entityType', 'entityId', 'id'])
@Index('audit_events_actor_idx', ['actorId', 'id'])
@Index('audit_events_occurred_at_idx', ['occurredAt'])
// audit_events_subject_idx (GiST on subject_paths) serves the scoped read; see migration 1764202520000.
export class AuditEvent {
  /**
   * The order of the chain. bigint comes back from pg as a string, and stays one here:
   * a JavaScript number would silently lose precision past 2^53.
   */
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'audit_events_pkey',
  })
  id: string;

  /** Stored and hashed to the millisecond, so what is read back hashes the same. */
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /** Null when the system acted (a sweep, a job), not a person. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorOrganizationId: string | null;

  /** `<entity>.<verb>`, e.g. `assignment.report_submitted`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  /** Text, not uuid: some audited records may be keyed otherwise. */
  @Column({ type: 'text' })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: JsonValue | null;

  @Column({ type: 'jsonb', nullable: true })
  after: JsonValue | null;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  /**
   * The ltree paths of the bodies the event is about (the record's owner, and for assigned
   * work the assignee too), as they were when it happened: who may read it follows from them.
   * Null for events recorded before subjects were kept (chain version 1).
   */
  @Column({ type: 'ltree', array: true, nullable: true, transformer: { from: ltreeArray, to: (v) => v } })
  subjectPaths: string[] | null;

  /** How `hash` is computed (AuditChainVersion): 1 plain SHA-256, 2 HMAC with AUDIT_KEY. */
  @Column({ type: 'smallint' })
  chainVersion: number;

  /** The hash of the event before this one; 64 zeros for the first event. */
  @Column({ type: 'text' })
  previousHash: string;

  /** Hex SHA-256 (version 1) or HMAC-SHA-256 (version 2) over this event and `previousHash`. */
  @Column({ type: 'text' })
  hash: string;
}

/**
 * node-postgres does not know ltree[] and hands it over as its text form (`{a.b,c}`). ltree
 * labels are letters, digits and underscores, so the text needs no unquoting.
 */
export function ltreeArray(value: unknown): string[] | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(String);
  const text = String(value);
  const inner = text.startsWith('{') && text.endsWith('}') ? text.slice(1, -1) : text;
  return inner === '' ? [] : inner.split(',');
}
