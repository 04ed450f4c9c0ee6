import { randomBytes } from 'node:crypto';

import { ensureDatabaseRoles, type DatabaseRoles, urlLoggingInAs } from '@dondoc/platform';

import {
  TEST_DATABASE_PREFIX,
  adminUrl,
  templateDatabase,
  withAdminClient,
  withDatabase,
} from './test-services.js';

export interface TestDatabase {
  name: string;
  /** The application's login: the administrative one, or the application role with `roles`. */
  url: string;
  /** With `roles`: the owner role's login (MIGRATION_DATABASE_URL) and the two roles. */
  ownerUrl?: string;
  roles?: DatabaseRoles;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /**
   * Least privilege as in production: `db roles` on the clone gives its tables to an owner
   * role of its own and `url` logs in as an application role of its own. Roles belong to the
   * whole server, so they are named after the database (`<name>_owner`, `<name>_app`).
   */
  roles?: boolean;
}

/**
 * A database of its own for one test file, cloned from the migrated template that
 * global-setup.mjs built: files run in parallel and in any order without sharing rows.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`),
  );
  const url = withDatabase(adminUrl(), name);
  const drop = () =>
    withAdminClient(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      for (const role of [`${name}_app`, `${name}_owner`])
        await client.query(`DROP ROLE IF EXISTS "${role}"`);
    });
  if (!options.roles) return { name, url, drop };

  const roles = testRoles(name);
  await ensureDatabaseRoles(url, roles);
  return {
    name,
    url: urlLoggingInAs(url, roles.app),
    ownerUrl: urlLoggingInAs(url, roles.owner),
    roles,
    drop,
  };
}

/** The roles of one test database, with passwords (the server may ask for them). */
export function testRoles(database: string): DatabaseRoles {
  return {
    database,
    owner: { name: `${database}_owner`, password: randomBytes(12).toString('hex') },
    app: { name: `${database}_app`, password: randomBytes(12).toString('hex') },
  };
}
