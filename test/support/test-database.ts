import { randomBytes } from 'node:crypto';

import {
  TEST_DATABASE_PREFIX,
  adminUrl,
  templateDatabase,
  withAdminClient,
  withDatabase,
} from './test-services.js';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file, cloned from the migrated template that
 * global-setup.mjs built: files run in parallel and in any order without sharing rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`),
  );
  return {
    name,
    url: withDatabase(adminUrl(), name),
    drop: () =>
      withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
