import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

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
    await manager.query(
      `INSERT INTO outbox (topic, subject, payload)
       SELECT topic, subject, payload FROM jsonb_to_recordset($1::jsonb) AS row(topic text, subject text, payload jsonb)`,
      [JSON.stringify(entries.map((entry) => ({ ...entry, payload: entry.payload ?? {} })))],
    );
    // Wakes the relay at once (LISTEN/NOTIFY is transactional: sent on commit).
    await manager.query(`SELECT pg_notify('outbox', '')`);
  }
}
