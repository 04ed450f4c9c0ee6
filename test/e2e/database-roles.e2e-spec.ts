import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

import { Role } from '@dondoc/identity';
import { runMigrations, urlLoggingInAs } from '@dondoc/platform';
import {
  adminUrl,
  bootApi,
  builtEntry,
  Given,
  graphql,
  runToEnd,
  signIn,
  testRoles,
  TEST_PASSWORD,
  withAdminClient,
  withDatabase,
} from '@dondoc/test-support';
import pg from 'pg';
import { DataSource } from 'typeorm';

const SECRET = 'a-secret-that-is-at-least-32-characters';
const PERMISSION_DENIED = '42501';

/** Runs `sql` logged in as `url` and returns the rows, or the SQLSTATE it was refused with. */
async function attempt(url: string, sql: string): Promise<{ rows?: pg.QueryResultRow[]; refused?: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return { rows: (await client.query(sql)).rows };
  } catch (error) {
    return { refused: (error as { code?: string }).code ?? String(error) };
  } finally {
    await client.end();
  }
}

describe('least-privilege database roles', () => {
  describe('on a fresh database: db roles, migrations as the owner, the application as its role', () => {
    // Named with this process's id: the test runs' sweeps keep what belongs to a live run.
    const name = `dondoc_t_${process.pid}_roles_${randomBytes(3).toString('hex')}`;
    const roles = testRoles(name);
    const admin = withDatabase(adminUrl(), name);
    const ownerUrl = urlLoggingInAs(admin, roles.owner);
    const appUrl = urlLoggingInAs(admin, roles.app);
    const env = {
      DATABASE_ADMIN_URL: admin,
      MIGRATION_DATABASE_URL: ownerUrl,
      DATABASE_URL: appUrl,
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
    };
    const cli = (...args: string[]) => runToEnd([builtEntry('cli'), ...args], env);

    beforeAll(async () => {
      await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
      const first = await cli('db', 'roles');
      expect(first.stderr).toBe('');
      expect(first.stdout).toMatch(/owner "dondoc_t_\d+_roles_\w+_owner" \(created\)/);
      const migrated = await cli('migrate');
      expect(migrated.stderr).toBe('');
      expect(migrated.code).toBe(0);
    });

    afterAll(() =>
      withAdminClient(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        for (const role of [roles.app.name, roles.owner.name])
          await client.query(`DROP ROLE IF EXISTS "${role}"`);
      }),
    );

    it('makes the owner own every table, and gives the application role no power but its rows', async () => {
      const { rows } = await attempt(
        admin,
        `SELECT (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '${roles.owner.name}') AS foreign_tables,
                r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
                pg_has_role('${roles.app.name}', '${roles.owner.name}', 'MEMBER') AS app_in_owner
           FROM pg_roles r WHERE r.rolname = '${roles.app.name}'`,
      );
      expect(rows).toEqual([
        {
          foreign_tables: 0,
          rolsuper: false,
          rolcreaterole: false,
          rolcreatedb: false,
          rolbypassrls: false,
          app_in_owner: false,
        },
      ]);
    });

    it('lets the application role add to the audit trail and read it', async () => {
      const inserted = await attempt(
        appUrl,
        `INSERT INTO audit_events (occurred_at, action, entity_type, entity_id, previous_hash, hash, chain_version)
         VALUES (now(), 'test.insert', 'Test', '1', 'genesis', 'h1', 2) RETURNING id`,
      );
      expect(inserted.refused).toBeUndefined();
      const read = await attempt(appUrl, `SELECT action FROM audit_events WHERE action = 'test.insert'`);
      expect(read.rows).toEqual([{ action: 'test.insert' }]);
    });

    it.each([
      ['UPDATE', `UPDATE audit_events SET action = 'rewritten'`],
      ['DELETE', 'DELETE FROM audit_events'],
      ['TRUNCATE', 'TRUNCATE audit_events'],
      ['disabling its triggers', 'ALTER TABLE audit_events DISABLE TRIGGER ALL'],
      ['dropping the append-only trigger', 'DROP TRIGGER audit_events_append_only ON audit_events'],
      ['taking ownership', 'ALTER TABLE audit_events OWNER TO CURRENT_USER'],
      [
        'a trigger of its own',
        `CREATE TRIGGER mine BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change()`,
      ],
      ['a table of its own', 'CREATE TABLE shadow (id int)'],
      ['writing the migration ledger', `DELETE FROM migrations`],
    ])('refuses the application role %s (42501)', async (_, sql) => {
      expect(await attempt(appUrl, sql)).toEqual({ refused: PERMISSION_DENIED });
    });

    it('lets the application role write an ordinary table', async () => {
      const added = await attempt(
        appUrl,
        `INSERT INTO organizations (name, kind, level, path) VALUES ('Ban thử', 'OFFICE', 'PROVINCE', 'test') RETURNING id`,
      );
      const id = added.rows?.[0]?.id as string;
      expect(
        await attempt(
          appUrl,
          `UPDATE organizations SET name = 'Ban thử quyền' WHERE id = '${id}' RETURNING name`,
        ),
      ).toEqual({
        rows: [{ name: 'Ban thử quyền' }],
      });
      expect(await attempt(appUrl, `DELETE FROM organizations WHERE id = '${id}' RETURNING name`)).toEqual({
        rows: [{ name: 'Ban thử quyền' }],
      });
    });

    it('runs db roles again harmlessly: nothing created, the grants unchanged', async () => {
      const before = await attempt(admin, `SELECT relacl::text FROM pg_class WHERE relname = 'audit_events'`);
      const again = await cli('db', 'roles');
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/\(already there\).*\(already there\)/);
      expect(
        await attempt(admin, `SELECT relacl::text FROM pg_class WHERE relname = 'audit_events'`),
      ).toEqual(before);
      process.stdout.write(
        `\\dp audit_events as psql prints it:\n${execFileSync('psql', [admin, '-c', '\\dp audit_events'], { encoding: 'utf8' })}`,
      );
      expect(
        await attempt(
          appUrl,
          `INSERT INTO audit_events (occurred_at, action, entity_type, entity_id, previous_hash, hash, chain_version)
                               VALUES (now(), 'again', 'Test', '2', 'h1', 'h2', 2)`,
        ),
      ).toEqual({ rows: [] });
    });

    it('keeps the audit trail INSERT and SELECT when a later migration grants more, and grants new tables', async () => {
      // What a careless migration could do, run as the owner like every migration.
      await attempt(ownerUrl, `GRANT ALL ON audit_events TO PUBLIC, "${roles.app.name}"`);
      await attempt(ownerUrl, `GRANT UPDATE (hash) ON audit_events TO "${roles.app.name}"`);
      await attempt(ownerUrl, 'CREATE TABLE later_table (id int)');
      expect(await attempt(appUrl, `UPDATE audit_events SET action = 'x' WHERE false`)).toEqual({ rows: [] });

      expect((await runMigrations(ownerUrl)).applied).toEqual([]);

      expect(await attempt(appUrl, `UPDATE audit_events SET action = 'x' WHERE false`)).toEqual({
        refused: PERMISSION_DENIED,
      });
      expect(await attempt(appUrl, 'TRUNCATE audit_events')).toEqual({ refused: PERMISSION_DENIED });
      expect(await attempt(appUrl, `UPDATE audit_events SET hash = 'x' WHERE false`)).toEqual({
        refused: PERMISSION_DENIED,
      });
      // Default privileges: a table the owner creates later is the application's to write.
      expect(await attempt(appUrl, 'INSERT INTO later_table VALUES (1)')).toEqual({ rows: [] });
      expect(
        await attempt(admin, `SELECT relacl::text FROM pg_class WHERE relname = 'audit_events'`),
      ).toEqual({
        rows: [
          {
            relacl: `{${roles.owner.name}=arwdDxt/${roles.owner.name},${roles.app.name}=ar/${roles.owner.name}}`,
          },
        ],
      });
    });

    it('as the application role, finds nothing pending and applies nothing; names who must migrate otherwise', async () => {
      expect((await runMigrations(appUrl)).applied).toEqual([]);
      await attempt(ownerUrl, `DELETE FROM migrations WHERE name = 'CreateAssignmentTallies1764202410000'`);
      try {
        await expect(runMigrations(appUrl)).rejects.toThrow(
          /1 migration\(s\) pending \(CreateAssignmentTallies1764202410000…\) and the role "dondoc_t_\d+_roles_\w+_app" may not apply them/,
        );
      } finally {
        await attempt(
          ownerUrl,
          `INSERT INTO migrations (timestamp, name) VALUES (1764202410000, 'CreateAssignmentTallies1764202410000')`,
        );
      }
    });

    it('refuses to take over a privileged role, or to touch a role named like the superuser', async () => {
      const privileged = `${name}_x`;
      await withAdminClient((client) => client.query(`CREATE ROLE "${privileged}" CREATEDB`));
      try {
        const takeover = await runToEnd([builtEntry('cli'), 'db', 'roles'], {
          ...env,
          DATABASE_URL: withDatabase(adminUrl(), name).replace('//postgres@', `//${privileged}@`),
        });
        expect(takeover.code).toBe(1);
        expect(takeover.stderr).toMatch(
          /The role "dondoc_t_\w+_x" already exists with CREATEDB: choose another name/,
        );
      } finally {
        await withAdminClient((client) => client.query(`DROP ROLE "${privileged}"`));
      }
      const superuser = await runToEnd([builtEntry('cli'), 'db', 'roles'], {
        ...env,
        DATABASE_URL: admin,
      });
      expect(superuser.code).toBe(1);
      expect(superuser.stderr).toMatch(/DATABASE_URL: the role "postgres" is reserved/);
    });
  });

  describe('run by an administrator that may create roles but is no superuser', () => {
    const name = `dondoc_t_${process.pid}_delegated_${randomBytes(3).toString('hex')}`;
    const adminRole = `${name}_admin`;
    const roles = testRoles(name);

    afterAll(() =>
      withAdminClient(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        for (const role of [roles.app.name, roles.owner.name, adminRole]) {
          await client.query(`DROP ROLE IF EXISTS "${role}"`);
        }
      }),
    );

    it('creates the roles on the database it owns, and the application role still cannot rewrite history', async () => {
      await withAdminClient(async (client) => {
        await client.query(`CREATE ROLE "${adminRole}" LOGIN CREATEROLE PASSWORD 'delegated'`);
        await client.query(`CREATE DATABASE "${name}" OWNER "${adminRole}"`);
      });
      const server = withDatabase(adminUrl(), name);
      const admin = urlLoggingInAs(server, { name: adminRole, password: 'delegated' });
      const appUrl = urlLoggingInAs(server, roles.app);
      const env = {
        DATABASE_ADMIN_URL: admin,
        MIGRATION_DATABASE_URL: urlLoggingInAs(server, roles.owner),
        DATABASE_URL: appUrl,
        JWT_SECRET: SECRET,
        LOG_LEVEL: 'warn',
      };
      const created = await runToEnd([builtEntry('cli'), 'db', 'roles'], env);
      expect(created.stderr).toBe('');
      const migrated = await runToEnd([builtEntry('cli'), 'migrate'], env);
      expect(migrated.code).toBe(0);
      expect(await attempt(appUrl, 'ALTER TABLE audit_events DISABLE TRIGGER ALL')).toEqual({
        refused: PERMISSION_DENIED,
      });
      expect(await attempt(appUrl, 'DELETE FROM audit_events')).toEqual({ refused: PERMISSION_DENIED });
      expect(await attempt(appUrl, 'SELECT count(*)::int AS events FROM audit_events')).toEqual({
        rows: [{ events: 0 }],
      });
    });
  });

  describe('the API logged in as the application role (bootApi opt-in)', () => {
    it('serves, records audit events, and cannot rewrite them through its own connection', async () => {
      const api = await bootApi({}, { databaseRoles: true });
      try {
        const dataSource = api.app.get(DataSource);
        const [{ user }] = await dataSource.query<{ user: string }[]>('SELECT current_user AS user');
        expect(user).toBe(api.database.roles?.app.name);

        const given = new Given(api.app);
        const konTum = await given.konTum();
        const admin = await given.user(Role.ADMIN, konTum.get('kt.tu.vp')!);
        await given.auditEvents([
          {
            actorId: null,
            actorOrganizationId: null,
            action: 'test.recorded',
            entityType: 'Test',
            entityId: 'roles',
            subjectOrganizationIds: [],
          },
        ]);
        const session = await signIn(api.url, admin.email, TEST_PASSWORD);
        const events = await graphql<{ allAuditEvents: { action: string }[] }>(
          api.url,
          `
            {
              allAuditEvents(filter: { entityType: "Test" }) {
                action
              }
            }
          `,
          undefined,
          session.headers,
        );
        expect(events.body.data?.allAuditEvents).toEqual([{ action: 'test.recorded' }]);

        await expect(dataSource.query(`ALTER TABLE audit_events DISABLE TRIGGER ALL`)).rejects.toMatchObject({
          code: PERMISSION_DENIED,
        });
        await expect(dataSource.query(`UPDATE audit_events SET action = 'rewritten'`)).rejects.toMatchObject({
          code: PERMISSION_DENIED,
        });
      } finally {
        await api.close();
      }
    });
  });
});
