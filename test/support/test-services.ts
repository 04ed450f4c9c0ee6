import pg from 'pg';

/**
 * Where the tests find PostgreSQL and Redis. The machine's own servers by default;
 * TEST_DATABASE_URL / TEST_REDIS_URL point elsewhere. global-setup.mjs falls back to an
 * embedded PostgreSQL when none answers, and publishes what it chose in these variables.
 */
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
/**
 * The AUDIT_KEY of the processes and modules tests start (bootApi, cleanEnv); a test about
 * a wrong key uses another.
 */
export const TEST_AUDIT_KEY = 'test-audit-key-that-is-long-enough-for-hmac';

/** Test databases are named `dondoc_t_<pid>_<random>`, so leftovers of a dead run can be swept. */
export const TEST_DATABASE_PREFIX = 'dondoc_t_';

/** The migrated template of this run (global-setup.mjs names one per run). */
export function templateDatabase(): string {
  const template = process.env.DONDOC_TEST_TEMPLATE;
  if (!template) throw new Error('No template database: run the tests through jest (global-setup.mjs)');
  return template;
}

export function adminUrl(): string {
  return process.env.DONDOC_TEST_ADMIN_URL ?? process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
}

export function redisUrl(): string {
  return process.env.TEST_REDIS_URL ?? DEFAULT_REDIS_URL;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
