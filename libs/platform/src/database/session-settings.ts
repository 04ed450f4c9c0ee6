import type { DataSource } from 'typeorm';

import { ConfigException } from '../config/app-config.js';

/**
 * Makes sure this process's statements really run under `statementTimeoutMs`. Directly, the
 * connection sets it at start (libpq `options`). Behind PgBouncer in transaction mode nothing
 * a client sets survives its transaction, so the pooler's own `connect_query` must set it on
 * every server connection; and a PgBouncer told to `ignore_startup_parameters = options`
 * drops ours without a word. Either way a missing timeout is found here, at start, instead of
 * by a request that holds a connection for minutes.
 */
export async function checkSessionSettings(
  dataSource: DataSource,
  statementTimeoutMs: number,
  pooled: boolean,
): Promise<void> {
  const rows = await dataSource.query<{ setting: string }[]>(
    `SELECT setting FROM pg_settings WHERE name = 'statement_timeout'`,
  );
  const actual = Number(rows[0]?.setting);
  const expected = Math.trunc(statementTimeoutMs);
  if (actual === expected) return;
  const where = pooled
    ? `the pooler's connect_query for this database must run SET statement_timeout = ${expected}`
    : 'the connection settings were dropped on the way (behind PgBouncer, set DATABASE_POOLER=pgbouncer)';
  throw new ConfigException([
    `The database connections run with statement_timeout ${actual} ms instead of ${expected} ms: ${where}`,
  ]);
}

/**
 * PgBouncer refuses a connection that brings settings (`options`) with a message that names
 * no setting of ours: say which ones to change.
 */
export function explainConnectFailure(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (!/unsupported startup parameter: options/.test(message)) return error;
  return new ConfigException([
    'DATABASE_URL leads to PgBouncer, which refuses per-connection settings: set DATABASE_POOLER=pgbouncer ' +
      'and DATABASE_DIRECT_URL (see "Behind PgBouncer" in README.md)',
  ]);
}
