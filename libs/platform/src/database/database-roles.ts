import pg from 'pg';

import {
  APP_SEQUENCE_PRIVILEGES,
  APP_TABLE_PRIVILEGES,
  enforceRestrictedGrants,
  quoteIdent,
  type RunSql,
} from './restricted-grants.js';

/** A role that logs in: its name, and its password (null: none, for trust or peer authentication). */
export interface DatabaseLogin {
  name: string;
  password: string | null;
}

/**
 * The two roles of least privilege: the owner owns the schema and runs the migrations; the
 * application role (API, worker, CLI) reads and writes rows, and may only add to the audit trail.
 */
export interface DatabaseRoles {
  database: string;
  owner: DatabaseLogin;
  app: DatabaseLogin;
}

/** The role names `db roles` accepts: plain, so they read the same quoted or not. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function roleNameProblem(name: string): string | null {
  if (!ROLE_NAME.test(name)) {
    return `"${name}" is not a plain role name (lower-case letters, digits and _, at most 63)`;
  }
  if (name === 'postgres' || name === 'public' || name.startsWith('pg_')) return `"${name}" is reserved`;
  return null;
}

/** The role and database a `postgres://` URL logs in as. */
export function loginOf(url: string): DatabaseLogin & { database: string } {
  const parsed = new URL(url);
  return {
    name: decodeURIComponent(parsed.username),
    password: parsed.password === '' ? null : decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, '')),
  };
}

/**
 * The roles named by the owner's URL (MIGRATION_DATABASE_URL) and the application's
 * (DATABASE_URL). Throws naming every problem: the two must log into one database as two
 * different, plain role names.
 */
export function rolesFromUrls(ownerUrl: string, appUrl: string): DatabaseRoles {
  const owner = loginOf(ownerUrl);
  const app = loginOf(appUrl);
  const problems: string[] = [];
  for (const [variable, login] of [
    ['MIGRATION_DATABASE_URL', owner],
    ['DATABASE_URL', app],
  ] as const) {
    const problem = login.name === '' ? 'names no user' : roleNameProblem(login.name);
    if (problem !== null) problems.push(`${variable}: the role ${problem}`);
  }
  if (owner.name === app.name) {
    problems.push('MIGRATION_DATABASE_URL and DATABASE_URL must log in as two different roles');
  }
  if (owner.database !== app.database || owner.database === '') {
    problems.push('MIGRATION_DATABASE_URL and DATABASE_URL must name the same database');
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  return {
    database: app.database,
    owner: { name: owner.name, password: owner.password },
    app: { name: app.name, password: app.password },
  };
}

/** An arbitrary constant: two processes creating the roles at once take turns. */
const ROLES_LOCK = 7_346_202_530;

export interface RolesReport {
  created: string[];
  /** Objects of the schema that belonged to another role (a database migrated before the roles). */
  reassigned: number;
}

/**
 * Creates the owner and application roles and their grants on the database of `adminUrl`
 * (a superuser, or a role with CREATEROLE that owns the database). Idempotent: a second run
 * changes nothing but the passwords. Roles are shared by every database of the server, so
 * this touches no other database, refuses to reuse a privileged role (a superuser, one that
 * may create roles or databases…) and never takes an attribute away from an existing role.
 */
export async function ensureDatabaseRoles(adminUrl: string, roles: DatabaseRoles): Promise<RolesReport> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'dondoc-db-roles' });
  await client.connect();
  const run: RunSql = async (sql, parameters) => (await client.query(sql, parameters)).rows;
  try {
    await run('SELECT pg_advisory_lock($1)', [ROLES_LOCK]);
    try {
      // One transaction: the grants on all tables and the restrictions that follow them take
      // effect together, so the application role never holds UPDATE on the audit trail.
      await run('BEGIN');
      try {
        const report = await ensureWith(run, client, roles);
        await run('COMMIT');
        return report;
      } catch (error) {
        await run('ROLLBACK');
        throw error;
      }
    } finally {
      await run('SELECT pg_advisory_unlock($1)', [ROLES_LOCK]);
    }
  } finally {
    await client.end();
  }
}

async function ensureWith(run: RunSql, client: pg.Client, roles: DatabaseRoles): Promise<RolesReport> {
  const [me] = (await run(
    `SELECT current_user AS name, current_database() AS database, rolsuper AS superuser, rolcreaterole AS createrole
       FROM pg_roles WHERE rolname = current_user`,
  )) as { name: string; database: string; superuser: boolean; createrole: boolean }[];
  if (!me) throw new Error('Cannot read the administrative role');
  if (me.database !== roles.database) {
    throw new Error(
      `DATABASE_ADMIN_URL names the database "${me.database}", the application's is "${roles.database}"`,
    );
  }
  if (!me.superuser && !me.createrole) {
    throw new Error(`"${me.name}" may not create roles: DATABASE_ADMIN_URL needs a superuser or CREATEROLE`);
  }

  const owner = quoteIdent(roles.owner.name);
  const app = quoteIdent(roles.app.name);
  const database = quoteIdent(roles.database);
  const created: string[] = [];
  for (const login of [roles.owner, roles.app]) {
    if (await ensureLogin(run, client, login, me.name)) created.push(login.name);
  }
  // The application must not inherit what the owner may do (disable a trigger, drop a table).
  if (await isMember(run, roles.app.name, roles.owner.name)) await run(`REVOKE ${owner} FROM ${app}`);
  // Below a superuser, changing owners and default privileges needs membership in the owner.
  if (!me.superuser && !(await isMember(run, me.name, roles.owner.name))) {
    await run(`GRANT ${owner} TO ${quoteIdent(me.name)}`);
  }

  // CREATE on the database: the migrations create trusted extensions (unaccent, pg_trgm, ltree).
  await run(`GRANT CONNECT, CREATE, TEMPORARY ON DATABASE ${database} TO ${owner}`);
  await run(`GRANT CONNECT ON DATABASE ${database} TO ${app}`);
  await run(`ALTER SCHEMA public OWNER TO ${owner}`);
  // Before PostgreSQL 15 everyone may create objects in public: only the owner may.
  await run('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  await run(`GRANT USAGE ON SCHEMA public TO ${app}`);

  const reassigned = await reassignToOwner(run, roles.owner.name);

  const tablePrivileges = APP_TABLE_PRIVILEGES.join(', ');
  const sequencePrivileges = APP_SEQUENCE_PRIVILEGES.join(', ');
  await run(`GRANT ${tablePrivileges} ON ALL TABLES IN SCHEMA public TO ${app}`);
  await run(`GRANT ${sequencePrivileges} ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
  // Tables and sequences the owner creates later (every future migration) get the same.
  await run(
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT ${tablePrivileges} ON TABLES TO ${app}`,
  );
  await run(
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT ${sequencePrivileges} ON SEQUENCES TO ${app}`,
  );
  // …except the audit trail and the migration ledger, here and after every migration run.
  await enforceRestrictedGrants(run);
  return { created, reassigned };
}

/** Creates the role, or checks an existing one is harmless and sets its password. True when created. */
async function ensureLogin(
  run: RunSql,
  client: pg.Client,
  login: DatabaseLogin,
  adminName: string,
): Promise<boolean> {
  if (login.name === adminName) {
    throw new Error(
      `"${login.name}" is the administrative role itself: give the application roles names of their own`,
    );
  }
  const [existing] = (await run(
    `SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = $1`,
    [login.name],
  )) as Record<string, boolean>[];
  const password = login.password === null ? '' : ` PASSWORD ${client.escapeLiteral(login.password)}`;
  if (!existing) {
    await run(
      `CREATE ROLE ${quoteIdent(login.name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${password}`,
    );
    return true;
  }
  const powers = Object.entries(existing)
    .filter(([, held]) => held)
    .map(([attribute]) => attribute.replace(/^rol/, '').toUpperCase());
  if (powers.length > 0) {
    throw new Error(
      `The role "${login.name}" already exists with ${powers.join(', ')}: choose another name (db roles never takes an attribute away from a role)`,
    );
  }
  await run(`ALTER ROLE ${quoteIdent(login.name)} LOGIN${password}`);
  return false;
}

async function isMember(run: RunSql, member: string, role: string): Promise<boolean> {
  const rows = await run(
    `SELECT 1 FROM pg_auth_members m
       JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
      WHERE r.rolname = $1 AND u.rolname = $2`,
    [role, member],
  );
  return rows.length > 0;
}

/**
 * Gives the owner role what the schema holds under another owner: a database migrated
 * before the roles existed, or a test database cloned from a template. Objects of
 * extensions stay with the extension's owner.
 */
async function reassignToOwner(run: RunSql, ownerName: string): Promise<number> {
  const objects = (await run(
    `WITH owner AS (SELECT oid FROM pg_roles WHERE rolname = $1),
     extension_member AS (SELECT objid, classid FROM pg_depend WHERE deptype = 'e')
     SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                           WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind,
            format('%I.%I', n.nspname, c.relname) AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
        AND c.relowner <> (SELECT oid FROM owner)
        AND NOT EXISTS (SELECT 1 FROM extension_member e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid)
        -- a sequence of a column follows its table
        AND NOT (c.relkind = 'S' AND EXISTS (
              SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
     UNION ALL
     SELECT 'ROUTINE', p.oid::regprocedure::text
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.proowner <> (SELECT oid FROM owner)
        AND NOT EXISTS (SELECT 1 FROM extension_member e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid)
     UNION ALL
     SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, format_type(t.oid, NULL)
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r', 'm') AND t.typowner <> (SELECT oid FROM owner)
        AND NOT EXISTS (SELECT 1 FROM extension_member e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'i')`,
    [ownerName],
  )) as { kind: string; name: string }[];
  for (const object of objects) {
    await run(`ALTER ${object.kind} ${object.name} OWNER TO ${quoteIdent(ownerName)}`);
  }
  return objects.length;
}
