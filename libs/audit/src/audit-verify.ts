import type { DataSource, EntityManager } from 'typeorm';

import { GENESIS_HASH, type JsonValue, auditEventHash } from './audit-hash.js';

export interface VerifyAuditChainOptions {
  /** Rows read per query; memory stays flat however long the trail is. */
  batchSize?: number;
}

export interface BrokenLink {
  /** The id of the first event that does not check out. */
  id: string;
  /** What is wrong with it, in words an operator can act on. */
  reason: string;
}

export interface AuditChainReport {
  /** Events examined, up to and including the broken one. */
  checked: number;
  firstBroken: BrokenLink | null;
}

interface AuditEventRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_organization_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: JsonValue | null;
  after: JsonValue | null;
  request_id: string | null;
  previous_hash: string;
  hash: string;
}

/**
 * Recomputes the whole chain in id order and names the first event that does not check
 * out: its own hash (its content was changed) or its link to the event before it (an
 * event was removed or the order changed). Reads in keyset batches without taking the
 * writers' lock, so it can run on a live database: writers append under a lock held to
 * commit, so whatever a batch sees is a complete prefix of the chain.
 *
 * A chain cannot show that its newest events were removed; keep the last hash elsewhere
 * if that matters.
 */
export async function verifyAuditChain(
  db: DataSource | EntityManager,
  options: VerifyAuditChainOptions = {},
): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 1_000;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  }
  let checked = 0;
  let expectedPrevious = GENESIS_HASH;
  let lastId = '0';
  for (;;) {
    const rows = await db.query<AuditEventRow[]>(
      `SELECT id::text AS id, occurred_at, actor_id, actor_organization_id, action, entity_type, entity_id,
              before, after, request_id, previous_hash, hash
         FROM audit_events
        WHERE audit_events.id > $1::bigint
        ORDER BY audit_events.id -- the bigint, not the text alias above: '10' sorts before '9'
        LIMIT $2`,
      [lastId, batchSize],
    );
    for (const row of rows) {
      checked++;
      const broken = checkRow(row, expectedPrevious);
      if (broken !== null) return { checked, firstBroken: { id: row.id, reason: broken } };
      expectedPrevious = row.hash;
      lastId = row.id;
    }
    if (rows.length < batchSize) return { checked, firstBroken: null };
  }
}

function checkRow(row: AuditEventRow, expectedPrevious: string): string | null {
  const recomputed = auditEventHash({
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorOrganizationId: row.actor_organization_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    previousHash: row.previous_hash,
  });
  if (recomputed !== row.hash) {
    return 'hash mismatch: the content of this event was changed after it was recorded';
  }
  if (row.previous_hash !== expectedPrevious) {
    return expectedPrevious === GENESIS_HASH
      ? 'link mismatch: the first event does not start the chain (an earlier event was removed)'
      : 'link mismatch: it does not follow the event before it (an event was removed or reordered)';
  }
  return null;
}
