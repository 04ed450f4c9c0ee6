// A database of a bench's own on the machine's PostgreSQL (or BENCH_ADMIN_DATABASE_URL's
// server), made afresh, migrated and seeded with the Kon Tum bodies and the demo users by the
// built command line; `drop()` removes it when the bench is done.
import { execFileSync } from 'node:child_process';

import pg from 'pg';

export const BENCH_JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256';
export const BENCH_AUDIT_KEY = 'bench-audit-key-that-is-long-enough-for-hmac';

export async function seededBenchDatabase(name, extraEnv = {}) {
  const adminUrl = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    JWT_SECRET: BENCH_JWT_SECRET,
    AUDIT_KEY: BENCH_AUDIT_KEY,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'seed', '--demo'], { env, stdio: 'ignore' });
  return {
    url: url.toString(),
    env,
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
