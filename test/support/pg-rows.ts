import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * A pg client seen as TypeORM's `query` (which answers the rows, where pg answers `{ rows }`),
 * for functions that take a DataSource or an EntityManager and only query through it.
 */
export function rowsOf(client: pg.Client): DataSource {
  return {
    query: async (sql: string, parameters?: unknown[]) => (await client.query(sql, parameters)).rows,
  } as unknown as DataSource;
}
