import pg from 'pg';
import { DataSource } from 'typeorm';

import { bootApi, Given, graphql, type RunningApi, Role, signIn, TEST_PASSWORD } from '@dondoc/test-support';

/**
 * Time and connection budgets of the API, on a real PostgreSQL: a table held under an
 * exclusive lock by another session makes every statement that reads it wait, which is how a
 * genuinely slow query looks from the API's side. A statement past STATEMENT_TIMEOUT_MS is
 * answered as TIMEOUT (not an internal error, not a driver message), one request never holds
 * more than REQUEST_MAX_CONNECTIONS connections, and work not started by REQUEST_TIMEOUT_MS
 * is refused as TIMEOUT too, while another user is served meanwhile.
 */
interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}
type Session = Awaited<ReturnType<typeof signIn>>;

const ALIASED_PAGES = (count: number): string =>
  `{ ${Array.from({ length: count }, (_, i) => `p${i}: allDocuments(perPage: 1) { id }`).join(' ')} }`;
/** Nullable root fields: each failure is reported on its own instead of ending the response. */
const ALIASED_LOOKUPS = (count: number, id: string): string =>
  `{ ${Array.from({ length: count }, (_, i) => `o${i}: Organization(id: "${id}") { id }`).join(' ')} }`;

describe('time and connection budgets of a request', () => {
  let api: RunningApi;
  let admin: Session;
  let englishAdmin: Session;
  let officer: Session;
  let officeId: string;
  let locker: pg.Client;

  beforeAll(async () => {
    api = await bootApi({
      STATEMENT_TIMEOUT_MS: '1500',
      REQUEST_TIMEOUT_MS: '2500',
      REQUEST_MAX_CONNECTIONS: '2',
      DATABASE_POOL_SIZE: '8',
      // A document read must end before the request's deadline (the configuration insists).
      PARSE_TIMEOUT_SECONDS: '1',
    });
    const given = new Given(api.app);
    const konTum = await given.konTum();
    const office = konTum.get('kt.tu.vp')!;
    const union = konTum.get('kt.pn')!;
    officeId = office.id;
    const adminUser = await given.user(Role.ADMIN, office);
    const englishAdminUser = await given.user(Role.ADMIN, office);
    const officerUser = await given.user(Role.ORG_OFFICER, union);
    await api.app
      .get(DataSource)
      .query(`UPDATE users SET locale = 'en' WHERE id = $1`, [englishAdminUser.id]);
    admin = await signIn(api.url, adminUser.email, TEST_PASSWORD);
    englishAdmin = await signIn(api.url, englishAdminUser.email, TEST_PASSWORD);
    officer = await signIn(api.url, officerUser.email, TEST_PASSWORD);
    locker = new pg.Client({ connectionString: api.database.url });
    await locker.connect();
  });

  afterAll(async () => {
    await locker?.end();
    await api?.close();
  });

  /** Holds `table` under an ACCESS EXCLUSIVE lock (even reads wait) while `work` runs. */
  async function whileLocked<T>(table: string, work: () => Promise<T>): Promise<T> {
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    try {
      return await work();
    } finally {
      await locker.query('ROLLBACK');
    }
  }

  /** API connections of this test's database now waiting on a lock. */
  async function apiConnectionsWaiting(): Promise<number> {
    const { rows } = await locker.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'dondoc-api' AND wait_event_type = 'Lock'`,
    );
    return rows[0]!.n;
  }

  const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const started = performance.now();
    const value = await work();
    return { value, ms: performance.now() - started };
  };

  it('answers a statement past its budget with TIMEOUT in the caller’s language, naming the budget', async () => {
    await whileLocked('organizations', async () => {
      const vi = await timed(() =>
        graphql(api.url, '{ allOrganizations(perPage: 1) { id } }', {}, admin.headers),
      );
      const en = await graphql(api.url, '{ allOrganizations(perPage: 1) { id } }', {}, englishAdmin.headers);
      expect(vi.value.status).toBe(200);
      const error = vi.value.body.errors?.[0] as GraphqlError;
      expect(error.extensions?.code).toBe('TIMEOUT');
      expect(error.message).toContain('1,5 giây');
      expect(error.message).not.toMatch(/canceling statement|statement timeout/i);
      expect(vi.ms).toBeGreaterThanOrEqual(1_400);
      const english = en.body.errors?.[0] as GraphqlError;
      expect(english.extensions?.code).toBe('TIMEOUT');
      expect(english.message).toContain('1.5 s');
    });
  });

  it('never lets one request hold more than its share of connections; another user is served meanwhile', async () => {
    const observed: number[] = [];
    const { hostile } = await whileLocked('documents', async () => {
      const hostile = graphql<Record<string, { id: string }[]>>(api.url, ALIASED_PAGES(6), {}, admin.headers);
      // Sample while the request waits: it may hold at most REQUEST_MAX_CONNECTIONS (2). On a
      // busy machine the second connection can take a few samples to start waiting.
      for (let i = 0; i < 5 || (i < 10 && !observed.includes(2)); i++) {
        await new Promise((resolve) => setTimeout(resolve, 60));
        observed.push(await apiConnectionsWaiting());
      }
      const probe = await timed(() => graphql(api.url, '{ me { id } }', {}, officer.headers));
      expect(probe.value.body.errors).toBeUndefined();
      expect(probe.ms).toBeLessThan(1_000);
      // Wrapped, so that the lock is released now rather than after the request ends.
      return { hostile };
    });
    const result = await hostile;
    expect(Math.max(...observed)).toBe(2);
    // The lock went away before any statement's budget ran out: the six pages all arrive.
    // (The probe's `me` reads users and organizations, not the locked documents.)
    expect(result.body.errors).toBeUndefined();
    expect(Object.keys(result.body.data ?? {})).toHaveLength(6);
  });

  it('refuses database work not started by the request’s deadline as TIMEOUT', async () => {
    // Five lookups, two connections, statements stopped at 1.5 s, the request's deadline at
    // 2.5 s: o0 and o1 wait from 0 to 1.5 s, o2 and o3 from 1.5 to 3 s, and o4 is still waiting
    // for a connection when the deadline comes.
    const { value, ms } = await whileLocked('organizations', () =>
      timed(() => graphql(api.url, ALIASED_LOOKUPS(5, officeId), {}, englishAdmin.headers)),
    );
    const errors = (value.body.errors ?? []) as GraphqlError[];
    expect(errors.map((error) => error.path?.[0]).sort()).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
    expect(errors.every((error) => error.extensions?.code === 'TIMEOUT')).toBe(true);
    const pastDeadline = errors.filter((error) => error.extensions?.budgetMs === 2_500);
    expect(pastDeadline.map((error) => error.path?.[0])).toEqual(['o4']);
    expect(pastDeadline[0]?.message).toContain('time budget of 2.5 s');
    expect(ms).toBeLessThan(4_500);
  });

  it('sends a field resolver’s failure through the same error path as a root one', async () => {
    const { body } = await whileLocked('organization_successions', () =>
      graphql<{ allOrganizations: unknown[] }>(
        api.url,
        '{ allOrganizations(perPage: 2) { id successors { id } } }',
        {},
        admin.headers,
      ),
    );
    const errors = (body.errors ?? []) as GraphqlError[];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.path?.[0]).toBe('allOrganizations');
      expect(error.path?.[2]).toBe('successors');
      expect(error.extensions?.code).toBe('TIMEOUT');
      expect(error.message).not.toMatch(/canceling|statement timeout|organization_successions/i);
    }
  });
});
