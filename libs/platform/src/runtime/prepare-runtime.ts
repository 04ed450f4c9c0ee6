import { join } from 'node:path';

import { type AppConfig, ensureAuditKey, ensureJwtSecret, loadConfig } from '../config/app-config.js';
import {
  attachEmbeddedPostgres,
  embeddedPostgresOwner,
  startEmbeddedPostgres,
} from '../database/embedded-postgres.js';
import { runMigrations } from '../database/run-migrations.js';

export interface Runtime {
  config: AppConfig;
  /** Stops what this process started (the embedded database, when it owns it). */
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  /**
   * In zero-configuration mode: the API owns the embedded database; the worker attaches
   * to it (waiting for the API); the CLI attaches when the API runs, or owns it otherwise.
   */
  role: 'owner' | 'attach' | 'auto';
  migrate: boolean;
  log: (message: string) => void;
}

export const EMBEDDED_DATABASE = 'dondoc';

export function embeddedDir(config: AppConfig): string {
  return join(config.dataDir, 'postgres');
}

/**
 * Everything a face needs before Nest starts: validated configuration, a database
 * (the configured one, or the embedded one in zero-configuration mode), its migrations
 * and, in zero-configuration mode, a generated signing secret and audit key kept under DATA_DIR.
 */
export async function prepareRuntime(
  env: Record<string, string | undefined>,
  options: RuntimeOptions,
): Promise<Runtime> {
  let config = loadConfig(env);
  let stop = async () => undefined;

  if (config.zeroConfig) {
    config = ensureAuditKey(ensureJwtSecret(config));
    const dir = embeddedDir(config);
    const role =
      options.role === 'auto' ? (embeddedPostgresOwner(dir) === null ? 'owner' : 'attach') : options.role;
    if (role === 'owner') {
      options.log(`No DATABASE_URL: starting the embedded PostgreSQL under ${dir}`);
      const database = await startEmbeddedPostgres({ dir, database: EMBEDDED_DATABASE, log: options.log });
      config = config.withDatabaseUrl(database.url);
      stop = async () => {
        await database.stop();
      };
    } else {
      options.log(`No DATABASE_URL: waiting for the embedded PostgreSQL that the API starts under ${dir}`);
      const url = await attachEmbeddedPostgres({ dir, database: EMBEDDED_DATABASE }, 60_000);
      if (url === null) {
        throw new Error(
          'No DATABASE_URL is set and the embedded PostgreSQL is not running: start the API first (npm run start:api), or set DATABASE_URL',
        );
      }
      config = config.withDatabaseUrl(url);
    }
  }

  if (options.migrate) {
    try {
      const { applied } = await runMigrations(config.databaseUrl as string);
      if (applied.length > 0) options.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    } catch (error) {
      await stop();
      throw error;
    }
  }
  return { config, stop };
}
