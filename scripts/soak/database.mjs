// The soak's own database: created on DATABASE_ADMIN_URL's server, migrated and given the
// demo data by the built command line (what an operator runs), dropped at the end.
import { execFileSync } from 'node:child_process';

import pg from 'pg';

export const SOAK_JWT_SECRET = 'soak-secret-that-is-long-enough-for-hs256';
export const SOAK_AUDIT_KEY = 'soak-audit-key-that-is-long-enough-for-hmac';

export function databaseUrlOn(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `cli migrate` then `cli seed --demo` on `url` (the demo logins are not made in production). */
export function migrateAndSeed(url) {
  const env = {
    ...process.env,
    DATABASE_URL: url,
    JWT_SECRET: SOAK_JWT_SECRET,
    AUDIT_KEY: SOAK_AUDIT_KEY,
    LOG_LEVEL: 'warn',
  };
  delete env.NODE_ENV;
  for (const args of [['migrate'], ['seed', '--demo']]) {
    execFileSync(process.execPath, ['dist/apps/cli/src/main.js', ...args], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}

/** A fresh database `name` on the server of `adminUrl`; `drop()` removes it. */
export async function freshDatabase(adminUrl, name) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrlOn(adminUrl, name);
  migrateAndSeed(url);
  return {
    url,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
