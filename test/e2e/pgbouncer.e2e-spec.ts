import { type ChildProcess, spawn } from 'node:child_process';

import pg from 'pg';

import { DEMO_PASSWORD, DemoUsers } from '@dondoc/identity';
import { freePort } from '@dondoc/platform';
import {
  bootApi,
  builtEntry,
  Given,
  graphql,
  type RunningPgBouncer,
  signIn,
  startPgBouncer,
  startProcess,
  type TestDatabase,
  waitForExit,
  waitForHttp,
} from '@dondoc/test-support';

/**
 * Two built API processes and a worker through Debian's PgBouncer in transaction mode, as a
 * province runs them: DATABASE_URL through the pooler, DATABASE_DIRECT_URL straight to
 * PostgreSQL for what needs a session of its own (the LISTENs, the migration lock). The
 * statement timeouts are the pooler's `connect_query` (a client cannot keep a setting in
 * transaction mode), checked by every process at start. A server pool of 4 is shared by the
 * 20 connections the two APIs keep.
 */
const POOL = 4;
const STATEMENT_TIMEOUT_MS = 1_500;
const JWT_SECRET = 'pgbouncer-secret-that-is-long-enough-for-hs256';
/** The relay's slow poll is 5 s: a row relayed well before that was woken by its NOTIFY. */
const RELAYED_WITHIN_MS = 2_000;
const DOCUMENT = `TỈNH ỦY KON TUM
*
Số 779-KL/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Kon Tum, ngày 21 tháng 11 năm 2026
KẾT LUẬN
về công tác dân vận qua PgBouncer

Ban Thường vụ Tỉnh ủy yêu cầu:
1. Các cơ quan, đơn vị báo cáo kết quả công tác dân vận hằng quý.
`;

type Session = Awaited<ReturnType<typeof signIn>>;
type Running = ChildProcess & { output: () => string };

describe('the API and the worker through PgBouncer in transaction mode', () => {
  let database: TestDatabase;
  let bouncer: RunningPgBouncer;
  let redis: ChildProcess;
  let redisUrl: string;
  const running: Running[] = [];
  let a: string;
  let b: string;
  let direct: pg.Client;
  let office: Session;
  let womensUnion: Session;
  let admin: Session;
  let unionId: string;
  /** A process started with the timeout left unset on the pooler: it must refuse to start. */
  let unguarded: Running;

  beforeAll(async () => {
    const seeding = await bootApi();
    database = seeding.database;
    try {
      const konTum = await new Given(seeding.app).konTum();
      unionId = konTum.get('kt.pn')!.id;
      await seeding.app.get(DemoUsers).ensure();
    } finally {
      await seeding.app.close();
    }
    const redisPort = await freePort();
    redisUrl = `redis://127.0.0.1:${redisPort}`;
    redis = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    bouncer = await startPgBouncer({
      poolSize: POOL,
      databases: {
        api: {
          url: database.url,
          connectQuery:
            `SET statement_timeout = ${STATEMENT_TIMEOUT_MS}; ` +
            `SET idle_in_transaction_session_timeout = ${STATEMENT_TIMEOUT_MS * 4}; ` +
            'SET max_parallel_workers_per_gather = 0',
        },
        worker: { url: database.url, connectQuery: 'SET statement_timeout = 600000' },
        bare: { url: database.url },
        probe: { url: database.url },
      },
    });
    direct = new pg.Client({ connectionString: database.url });
    await direct.connect();

    const api = async () => {
      const port = await freePort();
      const child = startProcess([builtEntry('api')], {
        ...environment('api'),
        STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
        PORT: String(port),
      });
      running.push(child);
      await ready(`http://127.0.0.1:${port}/health/ready`, child);
      return `http://127.0.0.1:${port}`;
    };
    const worker = async () => {
      const port = await freePort();
      const child = startProcess([builtEntry('worker')], {
        ...environment('worker'),
        WORKER_PORT: String(port),
      });
      running.push(child);
      await ready(`http://127.0.0.1:${port}/health/ready`, child);
    };
    unguarded = startProcess([builtEntry('api')], {
      ...environment('bare'),
      STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      PORT: String(await freePort()),
    });
    running.push(unguarded);
    [a, b] = await Promise.all([api(), api(), worker()]);
    [office, womensUnion, admin] = await Promise.all([
      signIn(a, 'thuongtruc@dondoc.local', DEMO_PASSWORD),
      signIn(b, 'phunu@dondoc.local', DEMO_PASSWORD),
      signIn(a, 'admin@dondoc.local', DEMO_PASSWORD),
    ]);
  }, 120_000);

  afterAll(async () => {
    for (const child of running) {
      if (child.exitCode !== null) continue;
      child.kill('SIGTERM');
      await waitForExit(child, 20_000).catch(() => child.kill('SIGKILL'));
    }
    await direct?.end();
    await bouncer?.stop();
    redis?.kill('SIGTERM');
    await database?.drop();
  });

  function environment(alias: string): Record<string, string> {
    return {
      DATABASE_URL: bouncer.urlOf(alias),
      DATABASE_DIRECT_URL: database.url,
      DATABASE_POOLER: 'pgbouncer',
      REDIS_URL: redisUrl,
      JWT_SECRET,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      TRUSTED_PROXIES: 'loopback',
    };
  }

  async function ok<T>(url: string, session: Session, query: string, variables?: Record<string, unknown>) {
    const { body } = await graphql<T>(url, query, variables, session.headers);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  }

  it('a LISTEN through the pooler loses its notifications, and libpq options are refused: why both go direct', async () => {
    const listener = new pg.Client({ connectionString: bouncer.urlOf('probe') });
    await listener.connect();
    try {
      let heard = 0;
      listener.on('notification', () => (heard += 1));
      await listener.query('LISTEN dondoc_probe');
      await direct.query('NOTIFY dondoc_probe');
      // Its server connection went back to the pool after the LISTEN: PgBouncer drops what
      // arrives there (and says so); the listener, served again, never hears of it.
      await eventually(() =>
        expect(bouncer.output()).toContain("got packet 'A' from server when not linked"),
      );
      await listener.query('SELECT 1');
      expect(heard).toBe(0);
    } finally {
      await listener.end();
    }
    const withOptions = new pg.Client({
      connectionString: bouncer.urlOf('probe'),
      options: '-c statement_timeout=1500',
    });
    await expect(withOptions.connect()).rejects.toThrow(/unsupported startup parameter: options/);
  });

  it('refuses to start when the pooler does not set the statement timeout', async () => {
    const code = await waitForExit(unguarded, 60_000);
    expect(code).not.toBe(0);
    const output = unguarded.output();
    expect(output).toContain(
      `statement_timeout 0 ms instead of ${STATEMENT_TIMEOUT_MS} ms: the pooler's connect_query`,
    );
    expect(output).not.toContain('Retrying'); // a wrong setting is said once
  });

  it('imports, publishes, assigns, reports, accepts and exports; the worker relays each write at once', async () => {
    const { importDocument } = await ok<{ importDocument: { id: string; tasks: { id: string }[] } }>(
      a,
      office,
      'mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id } } }',
      { i: { text: DOCUMENT } },
    );
    const documentId = importDocument.id;
    for (const task of importDocument.tasks) {
      await ok(a, office, 'mutation ($t: ID!) { setTaskAssignees(taskId: $t, assignees: []) { id } }', {
        t: task.id,
      });
    }
    await ok(b, office, 'mutation ($id: ID!) { publishDocument(id: $id) { id } }', { id: documentId });
    const { assignTask } = await ok<{ assignTask: { id: string }[] }>(
      a,
      office,
      'mutation ($i: AssignTaskInput!) { assignTask(input: $i) { id } }',
      {
        i: {
          taskId: importDocument.tasks[0]!.id,
          organizationIds: [unionId],
          role: 'LEAD',
          dueDate: '2027-06-30',
          cadence: 'QUARTERLY',
        },
      },
    );
    const { submitProgressReport } = await ok<{ submitProgressReport: { id: string } }>(
      b,
      womensUnion,
      'mutation ($a: ID!) { submitProgressReport(input: { assignmentId: $a, period: "2026-Q4", percentComplete: 40 }) { id } }',
      { a: assignTask[0]!.id },
    );
    const { reviewProgressReport } = await ok<{ reviewProgressReport: { status: string } }>(
      a,
      office,
      'mutation ($id: ID!) { reviewProgressReport(id: $id, decision: ACCEPT) { status } }',
      { id: submitProgressReport.id },
    );
    expect(reviewProgressReport.status).toBe('ACCEPTED');

    const { exportReport } = await ok<{ exportReport: { id: string } }>(
      b,
      office,
      'mutation ($i: ExportReportInput!) { exportReport(input: $i) { id } }',
      { i: { documentId, format: 'CSV' } },
    );
    let status = 'PENDING';
    for (const started = Date.now(); status === 'PENDING' || status === 'RUNNING';) {
      if (Date.now() - started > 30_000) throw new Error(`the export is still ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      ({ status } = (
        await ok<{ Export: { status: string } }>(
          a,
          office,
          'query ($id: ID!) { Export(id: $id) { status } }',
          {
            id: exportReport.id,
          },
        )
      ).Export);
    }
    expect(status).toBe('DONE');
    const file = await fetch(`${a}/exports/${exportReport.id}/file`, { headers: office.headers });
    expect(file.status).toBe(200);
    expect(await file.text()).toContain('40');

    // Every write's outbox rows were relayed, each well within the slow poll: LISTEN works.
    const { rows } = await direct.query<{ writes: number; pending: number; slowest_ms: number }>(
      `SELECT count(DISTINCT created_at)::int AS writes,
              count(*) FILTER (WHERE relayed_at IS NULL)::int AS pending,
              max(extract(epoch FROM relayed_at - created_at) * 1000)::float AS slowest_ms
         FROM outbox`,
    );
    process.stdout.write(`Outbox through PgBouncer: ${JSON.stringify(rows[0])}\n`);
    expect(rows[0]!.writes).toBeGreaterThanOrEqual(3);
    expect(rows[0]!.pending).toBe(0);
    expect(rows[0]!.slowest_ms).toBeLessThan(RELAYED_WITHIN_MS);
  });

  it(`answers a statement past ${STATEMENT_TIMEOUT_MS} ms as TIMEOUT: the pooler's connections enforce it`, async () => {
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE organizations IN ACCESS EXCLUSIVE MODE');
      // Released in any case after a while, so that a missing timeout fails here, not by hanging.
      const release = setTimeout(() => void locker.query('ROLLBACK'), STATEMENT_TIMEOUT_MS * 4);
      const started = performance.now();
      const { status, body } = await graphql(a, '{ allOrganizations(perPage: 1) { id } }', {}, admin.headers);
      const ms = performance.now() - started;
      clearTimeout(release);
      await locker.query('ROLLBACK'); // a warning, no error, when already released
      expect(status).toBe(200);
      expect(body.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
      expect(ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS - 100);
      expect(ms).toBeLessThan(STATEMENT_TIMEOUT_MS * 5);
    } finally {
      await locker.end();
    }
    // The worker's connections, on a pool of their own, keep their longer budget.
    const [{ setting }] = await bouncerQuery(
      'worker',
      `SELECT setting FROM pg_settings WHERE name = 'statement_timeout'`,
    );
    expect(setting).toBe('600000');
  });

  it(`serves 40 requests at once on two APIs over ${POOL} server connections`, async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        graphql(
          i % 2 === 0 ? a : b,
          '{ allAssignments(perPage: 25) { id } _allAssignmentsMeta { count } dashboard { total } }',
          {},
          office.headers,
        ),
      ),
    );
    expect(answers.filter((answer) => answer.status !== 200 || answer.body.errors)).toEqual([]);
    const pools = await bouncer.admin<Record<string, string | number>>('SHOW POOLS');
    const api = pools.find((pool) => pool.database === 'api')!;
    const servers = ['sv_active', 'sv_idle', 'sv_used', 'sv_tested', 'sv_login'].reduce(
      (sum, column) => sum + Number(api[column]),
      0,
    );
    const clients = Number(api.cl_active) + Number(api.cl_waiting);
    process.stdout.write(`PgBouncer pool "api" after the burst: ${clients} clients on ${servers} servers\n`);
    expect(servers).toBeLessThanOrEqual(POOL);
    expect(clients).toBeGreaterThan(POOL);
  });

  it('refuses an ended session on the other API at once: the revocation LISTEN is direct', async () => {
    const people = await ok<{ allUsers: { id: string; email: string }[] }>(
      a,
      admin,
      '{ allUsers(perPage: 100) { id email } }',
    );
    const union = people.allUsers.find((user) => user.email === 'phunu@dondoc.local')!;
    const me = async () => (await graphql(b, '{ me { email } }', {}, womensUnion.headers)).body;
    expect(await metric(b, 'dondoc_session_listener_up')).toBe(1);
    expect((await me()).errors).toBeUndefined();
    const cached = await metric(b, 'dondoc_access_token_lookups_total', 'answered_by="cache"');
    expect((await me()).errors).toBeUndefined();
    // B answered from its cache: only hearing of the end can make it refuse now.
    expect(await metric(b, 'dondoc_access_token_lookups_total', 'answered_by="cache"')).toBe(cached + 1);
    await ok(a, admin, 'mutation ($id: ID!) { updateUser(id: $id, password: "changed-password-1") { id } }', {
      id: union.id,
    });
    const started = performance.now();
    let answer = await me();
    while (!answer.errors && performance.now() - started < 1_000) answer = await me();
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  /** One sample of a Prometheus metric of an API process, picked by a label when given. */
  async function metric(url: string, name: string, label = ''): Promise<number> {
    const text = await (await fetch(`${url}/metrics`)).text();
    const line = text
      .split('\n')
      .find((candidate) => candidate.startsWith(`${name}{`) && candidate.includes(label));
    if (!line) throw new Error(`${name} is not in /metrics`);
    return Number(line.slice(line.lastIndexOf(' ') + 1));
  }

  async function eventually(check: () => void, ms = 5_000): Promise<void> {
    for (const started = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, 50))) {
      try {
        return check();
      } catch (error) {
        if (Date.now() - started > ms) throw error;
      }
    }
  }

  async function bouncerQuery(alias: string, sql: string): Promise<{ setting: string }[]> {
    const client = new pg.Client({ connectionString: bouncer.urlOf(alias) });
    await client.connect();
    try {
      return (await client.query<{ setting: string }>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  async function ready(url: string, child: Running): Promise<void> {
    try {
      await waitForHttp(url, 90_000);
    } catch (error) {
      throw new Error(
        `${String(error)}\n--- output ---\n${child.output()}\n--- PgBouncer ---\n${bouncer.output()}`,
        {
          cause: error,
        },
      );
    }
  }
});
