import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

export interface OutboxEntry {
  topic: string;
  subject: string;
  payload?: Record<string, unknown>;
}

/** Writes outbox rows in the caller's transaction, any number in one statement. */
@Injectable()
export class Outbox {
  async add(manager: EntityManager, entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    if (manager.queryRunner?.isTransactionActive !== true) {
      throw new Error('Outbox rows are written inside the transaction that makes the change');
    }
    // The rows and the relay's wake-up in one round trip (LISTEN/NOTIFY is transactional:
    // sent on commit, and once however many rows).
    await manager.query(
      `WITH added AS (
         INSERT INTO outbox (topic, subject, payload)
         SELECT topic, subject, payload FROM jsonb_to_recordset($1::jsonb) AS row(topic text, subject text, payload jsonb)
         RETURNING 1
       )
       SELECT pg_notify('outbox', '') FROM (SELECT FROM added LIMIT 1) AS any_row`,
      [JSON.stringify(entries.map((entry) => ({ ...entry, payload: entry.payload ?? {} })))],
    );
  }
}

/**
 * Records that an outbox row's job ran to the end, so the relay does not queue it again.
 * Called after the job's own work commits: a crash in between runs the job once more, which
 * every job tolerates (notifications have unique keys, exports check their status).
 */
export async function markOutboxHandled(dataSource: DataSource, outboxId: string): Promise<void> {
  await dataSource.query('UPDATE outbox SET handled_at = now() WHERE id = $1 AND handled_at IS NULL', [
    outboxId,
  ]);
}
