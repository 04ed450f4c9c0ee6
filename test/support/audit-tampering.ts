import pg from 'pg';

import {
  AuditChainVersion,
  type AuditKey,
  type JsonValue,
  type StoredAuditEventRow,
  auditEventHash,
  hashInputOfRow,
  plainAuditHash,
} from '@dondoc/audit';

/**
 * How the rewritten event and every later one get their new hashes: the old attack (plain
 * SHA-256 as version 1 computed it, the rows keeping their version or claiming version 1), or
 * an HMAC with a key that is not the deployment's.
 */
export type Rehash = { plain: true; claimVersion1?: boolean } | { key: AuditKey };

/**
 * What the attacker did, as a database superuser: disable the append-only trigger,
 * rewrite one event's `after`, recompute the hashes of it and of every later event so the
 * links hold again, and enable the trigger. One transaction.
 */
export async function rewriteAuditEvent(
  databaseUrl: string,
  eventId: string,
  after: JsonValue,
  rehash: Rehash,
): Promise<void> {
  await asSuperuser(databaseUrl, async (client) => {
    await client.query(`UPDATE audit_events SET after = $2::jsonb WHERE id = $1`, [
      eventId,
      JSON.stringify(after),
    ]);
    const previous = await client.query<{ hash: string }>(
      'SELECT hash FROM audit_events WHERE id < $1 ORDER BY id DESC LIMIT 1',
      [eventId],
    );
    let previousHash = previous.rows[0]?.hash ?? '0'.repeat(64);
    const rows = await client.query<StoredAuditEventRow>(
      `SELECT id::text AS id, occurred_at, actor_id, actor_organization_id, action, entity_type, entity_id,
              before, after, request_id, subject_paths::text AS subject_paths, chain_version, hash
         FROM audit_events WHERE id >= $1 ORDER BY id`,
      [eventId],
    );
    for (const row of rows.rows) {
      const version = 'plain' in rehash && rehash.claimVersion1 ? AuditChainVersion.PLAIN : row.chain_version;
      const input = hashInputOfRow(row, previousHash, version);
      const hash =
        'plain' in rehash
          ? plainAuditHash({ ...input, chainVersion: AuditChainVersion.PLAIN })
          : auditEventHash(input, rehash.key);
      await client.query(
        'UPDATE audit_events SET previous_hash = $2, hash = $3, chain_version = $4 WHERE id = $1',
        [row.id, previousHash, hash, version],
      );
      previousHash = hash;
    }
  });
}

/** Removes the newest `count` events behind the trigger: the end of a chain leaves no broken link. */
export async function deleteAuditTail(databaseUrl: string, count: number): Promise<void> {
  await asSuperuser(databaseUrl, (client) =>
    client.query(
      'DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events ORDER BY id DESC LIMIT $1)',
      [count],
    ),
  );
}

async function asSuperuser(
  databaseUrl: string,
  work: (client: pg.Client) => Promise<unknown>,
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await work(client);
    await client.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}
