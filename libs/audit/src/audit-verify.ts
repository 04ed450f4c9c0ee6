import type { DataSource, EntityManager } from 'typeorm';

import type { AuditAnchor } from './audit-anchor.js';
import { ltreeArray } from './audit-event.entity.js';
import {
  AuditChainVersion,
  type AuditHashInput,
  GENESIS_HASH,
  type JsonValue,
  auditEventHash,
} from './audit-hash.js';
import type { AuditKey } from './audit-key.js';

export interface VerifyAuditChainOptions {
  /** Keys the version 2 links; without it a keyed event cannot be checked and counts as broken. */
  key: AuditKey | null;
  /** Heads of the chain written earlier (`audit anchor`): each must still be there, unchanged. */
  anchors?: readonly AuditAnchor[];
  /** Rows read per query; memory stays flat however long the trail is. */
  batchSize?: number;
}

export interface BrokenLink {
  /** The id of the first event that does not check out (the last one for a cut trail). */
  id: string;
  /** What is wrong with it, in words an operator can act on. */
  reason: string;
}

export interface AuditChainReport {
  /** Events examined, up to and including the broken one. */
  checked: number;
  /** Of those, events of the unkeyed version 1 (recorded before the chain was keyed). */
  plain: number;
  /** Anchors found to match, before the break if any. */
  anchorsMatched: number;
  firstBroken: BrokenLink | null;
}

/** An event as the trail's readers select it (`id` as text, `subject_paths` as ltree[] text). */
export interface StoredAuditEventRow {
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
  subject_paths: string | null;
  chain_version: number;
  hash: string;
}

interface AuditEventRow extends StoredAuditEventRow {
  previous_hash: string;
}

/**
 * What the hash of a stored event covers, with the link and version it is checked (or, in the
 * tampering tests, forged) under.
 */
export function hashInputOfRow(
  row: StoredAuditEventRow,
  previousHash: string,
  chainVersion: number = row.chain_version,
): AuditHashInput {
  return {
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorOrganizationId: row.actor_organization_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    subjectPaths: ltreeArray(row.subject_paths),
    chainVersion,
    previousHash,
  };
}

/**
 * Recomputes the whole chain in id order, each event by its version, and checks it against
 * the anchors. Names the first event that does not check out: its own hash (its content was
 * changed, or rehashed without the key), its link to the event before it (an event was
 * removed or the order changed), a version lower than the one before it (plain links
 * appended or rewritten after keyed ones), or an anchored event whose hash or position is not
 * what the anchor wrote down. Reads in keyset batches without taking the writers' lock, so it
 * can run on a live database: writers append under a lock held to commit, so whatever a batch
 * sees is a complete prefix of the chain.
 *
 * Only anchors show that the newest events were removed: the chain alone cannot.
 */
export async function verifyAuditChain(
  db: DataSource | EntityManager,
  options: VerifyAuditChainOptions,
): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 1_000;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  }
  const anchors = [...(options.anchors ?? [])].sort((a, b) => compareIds(a.lastId, b.lastId));
  let nextAnchor = 0;
  const report: AuditChainReport = { checked: 0, plain: 0, anchorsMatched: 0, firstBroken: null };
  const broken = (id: string, reason: string): AuditChainReport => ({
    ...report,
    firstBroken: { id, reason },
  });
  let expectedPrevious = GENESIS_HASH;
  let previousVersion = AuditChainVersion.PLAIN as number;
  let lastId = '0';
  for (;;) {
    const rows = await db.query<AuditEventRow[]>(
      `SELECT id::text AS id, occurred_at, actor_id, actor_organization_id, action, entity_type, entity_id,
              before, after, request_id, subject_paths::text AS subject_paths, chain_version,
              previous_hash, hash
         FROM audit_events
        WHERE audit_events.id > $1::bigint
        ORDER BY audit_events.id -- the bigint, not the text alias above: '10' sorts before '9'
        LIMIT $2`,
      [lastId, batchSize],
    );
    for (const row of rows) {
      // An anchored event that is no longer there: the row now in its place is the first to differ.
      const anchor = anchors[nextAnchor];
      if (anchor !== undefined && compareIds(anchor.lastId, row.id) < 0) {
        report.checked++;
        return broken(row.id, `anchor mismatch: ${missingAnchored(anchor)}`);
      }
      report.checked++;
      if (row.chain_version === AuditChainVersion.PLAIN) report.plain++;
      const reason = checkRow(row, expectedPrevious, previousVersion, options.key);
      if (reason !== null) return broken(row.id, reason);
      if (anchor !== undefined && anchor.lastId === row.id) {
        if (anchor.hash !== row.hash) {
          return broken(
            row.id,
            `anchor mismatch: its hash is not the one anchored at ${anchor.anchoredAt} ` +
              `(the trail up to this event was rewritten)`,
          );
        }
        if (anchor.count !== report.checked) {
          return broken(
            row.id,
            `anchor mismatch: ${report.checked} events up to it, the anchor of ${anchor.anchoredAt} ` +
              `counted ${anchor.count} (events before it were added or removed)`,
          );
        }
        report.anchorsMatched++;
        nextAnchor++;
        // Anchors of the same head (a job and a manual run) are checked by the same row.
        while (anchors[nextAnchor]?.lastId === row.id) {
          const same = anchors[nextAnchor];
          if (same.hash !== row.hash || same.count !== report.checked) {
            return broken(row.id, `anchor mismatch: the anchor of ${same.anchoredAt} disagrees with it`);
          }
          report.anchorsMatched++;
          nextAnchor++;
        }
      }
      expectedPrevious = row.hash;
      previousVersion = row.chain_version;
      lastId = row.id;
    }
    if (rows.length < batchSize) break;
  }
  const unmet = anchors[nextAnchor];
  if (unmet !== undefined) {
    return broken(
      unmet.lastId,
      `anchor mismatch: the trail ends at event #${lastId === '0' ? 'none' : lastId} (${report.checked} events), ` +
        `${missingAnchored(unmet)}`,
    );
  }
  return report;
}

function missingAnchored(anchor: AuditAnchor): string {
  return (
    `event #${anchor.lastId}, anchored at ${anchor.anchoredAt} with ${anchor.count} events up to it, ` +
    'is missing (events were removed)'
  );
}

function checkRow(
  row: AuditEventRow,
  expectedPrevious: string,
  previousVersion: number,
  key: AuditKey | null,
): string | null {
  if (row.chain_version < previousVersion) {
    return (
      `version mismatch: chain version ${row.chain_version} after version ${previousVersion} ` +
      '(unkeyed links were written after keyed ones)'
    );
  }
  if (row.chain_version !== AuditChainVersion.PLAIN && row.chain_version !== AuditChainVersion.KEYED) {
    return `version mismatch: unknown chain version ${row.chain_version}`;
  }
  if (row.chain_version !== AuditChainVersion.PLAIN && key === null) {
    return 'no key: AUDIT_KEY is needed to check keyed events';
  }
  const recomputed = auditEventHash(hashInputOfRow(row, row.previous_hash), key);
  if (recomputed !== row.hash) {
    return row.chain_version === AuditChainVersion.PLAIN
      ? 'hash mismatch: the content of this event was changed after it was recorded'
      : 'hash mismatch: the content of this event was changed after it was recorded, ' +
          'or its hash was not computed with this AUDIT_KEY';
  }
  if (row.previous_hash !== expectedPrevious) {
    return expectedPrevious === GENESIS_HASH
      ? 'link mismatch: the first event does not start the chain (an earlier event was removed)'
      : 'link mismatch: it does not follow the event before it (an event was removed or reordered)';
  }
  return null;
}

/** Orders bigint ids given as decimal strings. */
export function compareIds(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}
