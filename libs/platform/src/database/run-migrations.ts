import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from './data-source-options.js';
import { migrations } from './migrations/index.js';
import { enforceRestrictedGrants } from './restricted-grants.js';

/** An arbitrary constant: the advisory lock that lets only one process migrate at a time. */
const MIGRATION_LOCK = 7_346_201_600;

export interface MigrationResult {
  applied: string[];
}

/**
 * Runs every pending migration, each in its own transaction. Several processes may start
 * at once (two APIs, a worker): an advisory lock makes the others wait, then find nothing to do.
 *
 * The login decides what happens. One that may create in the schema (the owner role, or the
 * single login of a setup without roles) migrates, then takes back any privilege a migration
 * gave beyond `RESTRICTED_TABLES` (the audit trail stays INSERT and SELECT for everyone else).
 * The application role may not: it only checks that nothing is pending, and says who must
 * migrate when something is.
 */
export async function runMigrations(url: string): Promise<MigrationResult> {
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ url, poolSize: 1, applicationName: 'dondoc-migrate' }),
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const [{ owner, login }] = await dataSource.query<{ owner: boolean; login: string }[]>(
        `SELECT has_schema_privilege('public', 'CREATE') AS owner, current_user AS login`,
      );
      if (!owner) {
        await refusePending(dataSource, login);
        return { applied: [] };
      }
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      await enforceRestrictedGrants((sql, parameters) => dataSource.query(sql, parameters));
      return { applied: applied.map((migration) => migration.name) };
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await dataSource.destroy();
  }
}

async function refusePending(dataSource: DataSource, user: string): Promise<void> {
  const [{ ledger }] = await dataSource.query<{ ledger: string | null }[]>(
    `SELECT to_regclass('public.migrations')::text AS ledger`,
  );
  const done = new Set(
    ledger === null
      ? []
      : (await dataSource.query<{ name: string }[]>('SELECT name FROM migrations')).map((row) => row.name),
  );
  const pending = migrations.map((migration) => migration.name).filter((name) => !done.has(name));
  if (pending.length > 0) {
    throw new Error(
      `${pending.length} migration(s) pending (${pending[0]}…) and the role "${user}" may not apply them: ` +
        'run `npm run cli -- migrate` with MIGRATION_DATABASE_URL set to the owner role',
    );
  }
}
