import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { DatabaseLogin, DatabaseRoles } from './database-roles.js';

/** Each embedded cluster is the product's alone: fixed names cannot collide with anyone's. */
export const EMBEDDED_OWNER_ROLE = 'dondoc_owner';
export const EMBEDDED_APP_ROLE = 'dondoc_app';

/**
 * The roles of zero-configuration mode. Their passwords are generated on first start and kept
 * in DATA_DIR beside the JWT secret, so the worker and the CLI find them and restarts keep them.
 */
export function embeddedRoles(dataDir: string, database: string): DatabaseRoles {
  const file = join(dataDir, 'database-passwords.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const passwords = {
      owner: randomBytes(24).toString('base64url'),
      app: randomBytes(24).toString('base64url'),
    };
    // `wx`: when two processes start at once, the first file written wins and both read it.
    try {
      writeFileSync(file, JSON.stringify(passwords), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const passwords = JSON.parse(readFileSync(file, 'utf8')) as { owner: string; app: string };
  return {
    database,
    owner: { name: EMBEDDED_OWNER_ROLE, password: passwords.owner },
    app: { name: EMBEDDED_APP_ROLE, password: passwords.app },
  };
}

/** The same server and database as `url`, logging in as `login`. */
export function urlLoggingInAs(url: string, login: DatabaseLogin): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(login.name);
  parsed.password = login.password === null ? '' : encodeURIComponent(login.password);
  return parsed.toString();
}
