import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort } from '@dondoc/platform';
import {
  builtEntry,
  graphql,
  runToEnd,
  signIn,
  startProcess,
  waitForExit,
  waitForHttp,
} from '@dondoc/test-support';
import pg from 'pg';

const SECRET = 'a-secret-that-is-at-least-32-characters';

describe('starting the API process', () => {
  it('stops on a malformed DATABASE_URL with one line naming the variable', async () => {
    const result = await runToEnd([builtEntry('api')], {
      DATABASE_URL: 'mysql://db/dondoc',
      JWT_SECRET: SECRET,
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^Configuration error: DATABASE_URL must start with postgres:\/\//),
    ]);
  });

  it('stops on a DATABASE_URL that does not answer, in one line', async () => {
    const port = await freePort();
    const result = await runToEnd([builtEntry('api')], {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/dondoc`,
      JWT_SECRET: SECRET,
    });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot start: the database at DATABASE_URL does not answer/);
  });

  describe('with no configuration at all', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dondoc-zero-'));
    // As root, PostgreSQL runs as "postgres" and must be able to enter the folder.
    beforeAll(() => chmodSync(dataDir, 0o755));
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('runs on an embedded PostgreSQL, and Ctrl-C leaves no PostgreSQL behind', async () => {
      const port = await freePort();
      const api = startProcess([builtEntry('api')], {
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      });
      try {
        await waitForHttp(`http://127.0.0.1:${port}/health/ready`, 90_000);
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename serverInfo { zeroConfig } }' }),
        });
        expect(await response.json()).toEqual({
          data: { __typename: 'Query', serverInfo: { zeroConfig: true } },
        });
        // The demo data: the office signs in and finds the seed document waiting as a draft.
        const session = await signIn(`http://127.0.0.1:${port}`, 'thuongtruc@dondoc.local', 'dondoc-demo');
        const documents = await graphql<{ allDocuments: { number: string; status: string }[] }>(
          `http://127.0.0.1:${port}`,
          '{ allDocuments { number status } }',
          undefined,
          session.headers,
        );
        expect(documents.body.data?.allDocuments).toEqual([{ number: '410-BC/TU', status: 'DRAFT' }]);
        expect(postgresProcessesFor(dataDir)).toBe(1);
        // Least privilege there too: the API logs in as the application role, which may only
        // add to the audit trail.
        expect(await embeddedLogins(dataDir)).toEqual({
          apiRoles: ['dondoc_app'],
          // `m`: MAINTAIN, the owner's since PostgreSQL 17 (the embedded server is 18).
          auditGrants: expect.stringMatching(
            /^\{dondoc_owner=arwdDxtm?\/dondoc_owner,dondoc_app=ar\/dondoc_owner\}$/,
          ),
        });
      } catch (error) {
        throw new Error(`${String(error)}\n--- API output ---\n${api.output()}`, { cause: error });
      } finally {
        api.kill('SIGINT');
        await waitForExit(api, 30_000);
      }
      expect(api.exitCode).toBe(0);
      expect(postgresProcessesFor(dataDir)).toBe(0);
    });

    it('after a crash, stops the PostgreSQL the dead process left running and starts again', async () => {
      const port = await freePort();
      const first = startProcess([builtEntry('api')], {
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      });
      await waitForHttp(`http://127.0.0.1:${port}/health/ready`, 90_000);
      first.kill('SIGKILL');
      await waitForExit(first, 10_000);
      expect(postgresProcessesFor(dataDir)).toBe(1); // the orphan

      const second = startProcess([builtEntry('api')], {
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      });
      try {
        await waitForHttp(`http://127.0.0.1:${port}/health/ready`, 90_000);
        expect(second.output()).toMatch(/stopping the embedded PostgreSQL left running by an earlier run/);
      } finally {
        second.kill('SIGINT');
        await waitForExit(second, 30_000);
      }
      expect(postgresProcessesFor(dataDir)).toBe(0);
    });
  });
});

function postgresProcessesFor(dataDir: string): number {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => /\bpostgres\b/.test(line) && line.includes(`-D ${dataDir}`)).length;
}

/** Who the API's connections log in as, and the grants on the audit trail, asked as the superuser. */
async function embeddedLogins(dataDir: string): Promise<{ apiRoles: string[]; auditGrants: string }> {
  const port = readFileSync(join(dataDir, 'postgres', 'pg-port'), 'utf8').trim();
  const client = new pg.Client({
    connectionString: `postgres://postgres:dondoc-embedded@127.0.0.1:${port}/dondoc`,
  });
  await client.connect();
  try {
    const sessions = await client.query<{ usename: string }>(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = 'dondoc-api'`,
    );
    const grants = await client.query<{ acl: string }>(
      `SELECT relacl::text AS acl FROM pg_class WHERE relname = 'audit_events'`,
    );
    return { apiRoles: sessions.rows.map((row) => row.usename), auditGrants: grants.rows[0]?.acl ?? '' };
  } finally {
    await client.end();
  }
}
