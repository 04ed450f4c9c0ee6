// Runs once before the integration and end-to-end tiers. Plain JavaScript on the built
// code: jest loads global setup outside its module mapper, so it builds the server first
// (swc, about a second) and imports the result. The names below match test-services.ts.
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { Redis } from 'ioredis';
import pg from 'pg';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const TEMPLATE_PREFIX = 'dondoc_template_';
const TEST_DATABASE_PREFIX = 'dondoc_t_';

export default async function globalSetup() {
  if (process.env.DONDOC_TEST_TEMPLATE_READY === '1') return; // both tiers share one setup
  execSync('npm run --silent build:server', { stdio: 'inherit' });
  const platform = await import(pathToFileURL(join(process.cwd(), 'dist/libs/platform/src/index.js')).href);

  let adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  if (!(await answers(adminUrl))) {
    const dir = join(process.cwd(), '.data', 'test-postgres');
    process.stderr.write(
      `\nPostgreSQL does not answer at ${adminUrl}: starting the embedded one under ${dir}\n`,
    );
    const embedded = await platform.startEmbeddedPostgres({ dir, database: 'postgres' });
    adminUrl = embedded.url;
    globalThis.__dondocStopEmbedded = embedded.stop;
  }
  process.env.DONDOC_TEST_ADMIN_URL = adminUrl;

  // Every run has its own template (several runs may share one server: two checkouts, CI
  // and a developer); databases left by runs whose process is gone are swept.
  const template = `${TEMPLATE_PREFIX}${process.pid}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const leftovers = await client.query(
      'SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2',
      [`${TEMPLATE_PREFIX}%`, `${TEST_DATABASE_PREFIX}%`],
    );
    for (const { datname } of leftovers.rows) {
      const owner = Number(/_(\d+)(?:_|$)/.exec(datname)?.[1]);
      if (datname === template || !Number.isInteger(owner) || !isAlive(owner)) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
    // Roles of least privilege made for test databases (`<database>_owner`, `<database>_app`)
    // belong to the whole server: those of dead runs go too, once their database is gone.
    const roles = await client.query('SELECT rolname FROM pg_roles WHERE rolname LIKE $1', [
      `${TEST_DATABASE_PREFIX}%`,
    ]);
    for (const { rolname } of roles.rows) {
      const owner = Number(/_(\d+)_/.exec(rolname)?.[1]);
      if (Number.isInteger(owner) && !isAlive(owner)) {
        await client.query(`DROP ROLE IF EXISTS "${rolname}"`).catch(() => undefined);
      }
    }
    await client.query(`CREATE DATABASE "${template}"`);
  } finally {
    await client.end();
  }
  process.env.DONDOC_TEST_TEMPLATE = template;
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  await platform.runMigrations(templateUrl.toString());
  await checkRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  process.env.DONDOC_TEST_TEMPLATE_READY = '1';
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url) {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2_000,
  });
  try {
    await client.connect();
    await client.ping();
  } catch {
    throw new Error(
      `Redis does not answer at ${url}. Start it with:\n` +
        '  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no\n' +
        '(or set TEST_REDIS_URL), then run the tests again.',
    );
  } finally {
    client.disconnect();
  }
}
