import { join } from 'node:path';

import { type AppConfig, ensureAuditKey, ensureJwtSecret, loadConfig } from '../config/app-config.js';
import {
  attachEmbeddedPostgres,
  embeddedPostgresOwner,
  startEmbeddedPostgres,
} from '../database/embedded-postgres.js';
import { migrationUrlOf } from '../database/data-source-options.js';
import { ensureDatabaseRoles } from '../database/database-roles.js';
import { embeddedRoles, urlLoggingInAs } from '../database/embedded-roles.js';
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
 * (as the owner role when MIGRATION_DATABASE_URL names one) and, in zero-configuration
 * mode, a generated signing secret and audit key kept under DATA_DIR and the roles of least privilege:
 * the embedded server's superuser creates them, migrations run as the owner, and the
 * faces connect as the application role, which cannot rewrite the audit trail.
 */
export async function prepareRuntime(
  env: Record<string, string | undefined>,
  options: RuntimeOptions,
): Promise<Runtime> {
  let config = loadConfig(env);
  let stop = async () => undefined;
  /** The embedded server's superuser, in zero-configuration mode. */
  let adminUrl: string | null = null;

  if (config.zeroConfig) {
    config = ensureAuditKey(ensureJwtSecret(config));
    const dir = embeddedDir(config);
    const role =
      options.role === 'auto' ? (embeddedPostgresOwner(dir) === null ? 'owner' : 'attach') : options.role;
    if (role === 'owner') {
      options.log(`No DATABASE_URL: starting the embedded PostgreSQL under ${dir}`);
      const database = await startEmbeddedPostgres({
        dir,
        database: EMBEDDED_DATABASE,
        sharedDir: config.embeddedSharedDir,
        log: options.log,
      });
      adminUrl = database.url;
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
      adminUrl = url;
    }
  }

  try {
    if (adminUrl !== null) config = await withEmbeddedRoles(config, adminUrl);
    if (options.migrate) {
      const { applied } = await runMigrations(migrationUrlOf(config));
      if (applied.length > 0) options.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { config, stop };
}

/** Creates (idempotently) the embedded database's roles and logs each face in as the right one. */
async function withEmbeddedRoles(config: AppConfig, adminUrl: string): Promise<AppConfig> {
  const roles = embeddedRoles(config.dataDir, EMBEDDED_DATABASE);
  await ensureDatabaseRoles(adminUrl, roles);
  return config.withDatabaseUrls({
    databaseUrl: urlLoggingInAs(adminUrl, roles.app),
    migrationDatabaseUrl: urlLoggingInAs(adminUrl, roles.owner),
    databaseAdminUrl: adminUrl,
  });
}
