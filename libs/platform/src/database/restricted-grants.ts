/**
 * What the application role may do, as data. The owner role creates every table (migrations
 * run as it); the application role gets these privileges on each of them, through default
 * privileges for tables created later. A few tables get less: the audit trail is append-only
 * and the migration ledger is read-only, whoever the grant came from.
 */
export const APP_TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const;

/** `setval` on the audit sequence reserves the ids of a batch of events (libs/audit). */
export const APP_SEQUENCE_PRIVILEGES = ['USAGE', 'SELECT', 'UPDATE'] as const;

/** Tables on which no role but their owner may hold more than the privileges listed, and PUBLIC nothing. */
export const RESTRICTED_TABLES: Readonly<Record<string, readonly string[]>> = {
  // No UPDATE, DELETE, TRUNCATE, REFERENCES or TRIGGER: history is added to, never changed.
  audit_events: ['SELECT', 'INSERT'],
  // Whoever may write the ledger may mark a migration applied that never ran.
  migrations: ['SELECT'],
};

/** Runs one statement and returns its rows: a pg client and a TypeORM data source both fit. */
export type RunSql = (sql: string, parameters?: unknown[]) => Promise<Record<string, unknown>[]>;

interface ExtraGrant {
  table: string;
  column: string | null;
  grantee: string;
  privilege: string;
  grantee_is_owner_member: boolean;
}

/**
 * Takes back every privilege on a restricted table beyond what `RESTRICTED_TABLES` allows,
 * from every role but the table's owner (all of PUBLIC's, column grants too), so that no
 * migration — a `GRANT ALL`, a table recreated under default privileges — widens them.
 * A role holding a grant there that is also a member of the owner could disable the
 * append-only trigger: that stops the run instead. Needs the owner (or a superuser).
 */
export async function enforceRestrictedGrants(run: RunSql): Promise<void> {
  const tables = Object.keys(RESTRICTED_TABLES);
  const extras = (await run(
    `WITH restricted AS (
       SELECT c.oid, c.relname, c.relowner, c.relacl AS acl, NULL::name AS column_name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname = ANY($1::text[]) AND c.relkind IN ('r', 'p')
       UNION ALL
       SELECT c.oid, c.relname, c.relowner, a.attacl, a.attname
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relname = ANY($1::text[]) AND a.attacl IS NOT NULL
     )
     SELECT r.relname AS table, r.column_name AS column,
            CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(g.grantee)) END AS grantee,
            g.privilege_type AS privilege,
            g.grantee <> 0 AND pg_has_role(g.grantee, r.relowner, 'MEMBER') AS grantee_is_owner_member
       FROM restricted r CROSS JOIN LATERAL aclexplode(r.acl) g
      WHERE g.grantee <> r.relowner`,
    [tables],
  )) as unknown as ExtraGrant[];

  const members = extras.filter((grant) => grant.grantee_is_owner_member);
  if (members.length > 0) {
    const { table, grantee } = members[0] as ExtraGrant;
    throw new Error(
      `${grantee} holds privileges on ${table} and is a member of its owner, so it could disable its triggers: revoke that membership`,
    );
  }
  for (const grant of extras) {
    // Named roles only: PUBLIC (every role of the server) gets nothing on these tables.
    const allowed = grant.grantee === 'PUBLIC' ? [] : (RESTRICTED_TABLES[grant.table] ?? []);
    if (allowed.includes(grant.privilege)) continue;
    const column = grant.column === null ? '' : ` (${quoteIdent(grant.column)})`;
    await run(`REVOKE ${grant.privilege}${column} ON TABLE ${quoteIdent(grant.table)} FROM ${grant.grantee}`);
  }
}

/** A name as a PostgreSQL identifier, quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
