import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from './data-source-options.js';

/** An arbitrary constant: the advisory lock that lets only one process migrate at a time. */
const MIGRATION_LOCK = 7_346_201_600;

export interface MigrationResult {
  applied: string[];
}

/**
 * Runs every pending migration, each in its own transaction. Several processes may start
 * at once (two APIs, a worker): an advisory lock makes the others wait, then find nothing to do.
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
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return { applied: applied.map((migration) => migration.name) };
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await dataSource.destroy();
  }
}
