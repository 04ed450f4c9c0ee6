import type pg from 'pg';

interface Definition {
  table: string;
  name: string;
  sql: string;
}

/**
 * The keys, foreign keys and indexes of the tables a bulk load fills, taken off before the
 * COPY and put back after it: building an index once from sorted data is many times faster
 * than growing it row by row, and a foreign key validated in one join is faster than a
 * trigger per row. Putting them back re-checks every key, so the loaded data is proven.
 */
export class DeferredConstraints {
  private keys: Definition[] = [];
  private foreignKeys: Definition[] = [];
  private indexes: Definition[] = [];

  constructor(private readonly tables: readonly string[]) {}

  async takeOff(client: pg.Client): Promise<void> {
    const tables = [...this.tables];
    this.foreignKeys = (
      await client.query<Definition>(
        `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS sql
           FROM pg_constraint
          WHERE contype = 'f'
            AND (conrelid::regclass::text = ANY($1) OR confrelid::regclass::text = ANY($1))`,
        [tables],
      )
    ).rows;
    this.keys = (
      await client.query<Definition>(
        `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS sql
           FROM pg_constraint
          WHERE contype IN ('p', 'u') AND conrelid::regclass::text = ANY($1)`,
        [tables],
      )
    ).rows;
    this.indexes = (
      await client.query<Definition>(
        `SELECT i.indrelid::regclass::text AS table, c.relname AS name, pg_get_indexdef(i.indexrelid) AS sql
           FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
          WHERE i.indrelid::regclass::text = ANY($1)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
        [tables],
      )
    ).rows;
    for (const fk of this.foreignKeys) {
      await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
    }
    for (const key of this.keys) await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT "${key.name}"`);
    for (const index of this.indexes) await client.query(`DROP INDEX "${index.name}"`);
  }

  /** Keys and indexes over the given connections at once (one statement each), then the foreign keys. */
  async putBack(clients: readonly pg.Client[], onStep: (done: number, total: number) => void): Promise<void> {
    const work = [
      ...this.keys.map((key) => `ALTER TABLE ${key.table} ADD CONSTRAINT "${key.name}" ${key.sql}`),
      ...this.indexes.map((index) => index.sql),
    ];
    // The largest tables' statements first, so the connections finish together.
    const total = work.length + this.foreignKeys.length;
    let done = 0;
    const queue = [...work];
    await Promise.all(
      clients.map(async (client) => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          await client.query(next);
          onStep(++done, total);
        }
      }),
    );
    const foreignQueue = this.foreignKeys.map(
      (fk) => `ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.sql}`,
    );
    await Promise.all(
      clients.map(async (client) => {
        for (let next = foreignQueue.shift(); next !== undefined; next = foreignQueue.shift()) {
          await client.query(next);
          onStep(++done, total);
        }
      }),
    );
  }
}
