import pg from 'pg';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

import type { AppConfig } from '../config/app-config.js';
import { GuardedClient } from './guarded-client.js';
import { migrations } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function | string | EntitySchema>;

export interface DataSourceSettings {
  url: string;
  entities?: EntityList;
  /** Connections kept by this process; two cores serve best with a small pool. */
  poolSize?: number;
  applicationName?: string;
  logQueries?: boolean;
  /**
   * No parallel workers for this process's queries. An API serves many small queries at
   * once on two cores: a page of 25 rows planned with two extra worker processes costs more
   * than it saves, and the workers compete with the other requests for the same cores.
   */
  serialQueries?: boolean;
  /**
   * PostgreSQL's `statement_timeout` for this process's connections, in milliseconds
   * (undefined or 0: none). A statement past it is cancelled with SQLSTATE 57014, which the
   * API answers as `TIMEOUT`.
   */
  statementTimeoutMs?: number;
  /**
   * `url` leads to PgBouncer in transaction mode: no settings at connect (it refuses libpq's
   * `options`); the pooler's `connect_query` sets them on its server connections instead, and
   * `checkSessionSettings` makes sure at start that it does.
   */
  pooled?: boolean;
}

/**
 * A `date` is a calendar day, not an instant: keep PostgreSQL's `YYYY-MM-DD` text instead
 * of node-postgres's default of a Date at local midnight, which shifts days when the
 * process's time zone is not UTC. Process-wide, and right for every query in the product.
 */
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (text: string) => text);

/**
 * One definition of how every face (API, worker, CLI, tests) talks to PostgreSQL:
 * snake_case names, migrations only, never `synchronize`.
 */
export function buildDataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    namingStrategy: new SnakeNamingStrategy(),
    entities: settings.entities ?? [],
    migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    logging: settings.logQueries ? ['query', 'error'] : ['error'],
    extra: {
      max: settings.poolSize ?? 10,
      application_name: settings.applicationName ?? 'dondoc',
      // Fail fast instead of hanging when the database is down: the API answers 503 meanwhile.
      connectionTimeoutMillis: 5_000,
      // pg-pool makes its connections with this class: none may end the process by an 'error'.
      Client: GuardedClient,
      ...sessionOptions(settings),
    },
  };
}

/** Session settings sent with each new connection (libpq's `options`), so no extra round trip. */
function sessionOptions(settings: DataSourceSettings): { options?: string } {
  if (settings.pooled) return {};
  const parts: string[] = [];
  if (settings.serialQueries) parts.push('-c max_parallel_workers_per_gather=0');
  if (settings.statementTimeoutMs) {
    parts.push(`-c statement_timeout=${Math.trunc(settings.statementTimeoutMs)}`);
    // A transaction left open (a crashed handler) must not hold its locks for long either.
    parts.push(`-c idle_in_transaction_session_timeout=${Math.trunc(settings.statementTimeoutMs) * 4}`);
  }
  return parts.length > 0 ? { options: parts.join(' ') } : {};
}

export function databaseUrlOf(config: AppConfig): string {
  if (config.databaseUrl === null) {
    throw new Error('The database URL is not known yet: start the embedded database first');
  }
  return config.databaseUrl;
}

/**
 * A connection that is a session of its own for as long as it is open (LISTEN, advisory locks):
 * DATABASE_DIRECT_URL past the pooler, else DATABASE_URL.
 */
export function directDatabaseUrlOf(config: AppConfig): string {
  return config.databaseDirectUrl ?? databaseUrlOf(config);
}

/**
 * Where migrations run: the owner role's login when one is configured, else the application's,
 * directly (the migration lock is a session's advisory lock).
 */
export function migrationUrlOf(config: AppConfig): string {
  return config.migrationDatabaseUrl ?? directDatabaseUrlOf(config);
}
