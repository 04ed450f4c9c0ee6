import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import pg from 'pg';

import { DEMO_PASSWORD } from '@dondoc/identity';
import { QueueName } from '@dondoc/platform';
import {
  eventually,
  builtEntry,
  createTestDatabase,
  graphql,
  runToEnd,
  signIn,
  TEST_AUDIT_KEY,
  type TestDatabase,
} from '@dondoc/test-support';

import { type Cluster, startCluster } from '../../scripts/cluster/index.mjs';
import { processesMarked } from '../support/processes-marked.js';

/**
 * Several instances, one truth (issue 15): two built API processes and two workers on one
 * database and one (private) Redis, behind haproxy, as a scaled-out deployment runs them. A
 * session made on one API works on the other and ends on both; requests through the balancer
 * land on both APIs; the outbox is relayed once, the sweep that both workers run notifies once,
 * and an export is made once — however many processes could have done each.
 */
const SEED = readFileSync(
  join(process.cwd(), 'libs/ingestion/test-documents/seed/kon-tum-410-BC-TU-2019.txt'),
  'utf8',
);
const ME = '{ me { email } }';
/** Sweeps put on the queue at once: both workers take some, at the same time. */
const SWEEPS = 8;
const SWEEP_ROUNDS = 4;
/** Issue 14's bound: an ended session is refused by another process within a second. */
const REVOKED_WITHIN_MS = 1_000;

type Session = Awaited<ReturnType<typeof signIn>>;
/** Whoever calls: a session's bearer header. */
type Caller = Pick<Session, 'headers'>;

describe('two APIs and two workers behind a balancer', () => {
  let database: TestDatabase;
  let cluster: Cluster;
  let sql: pg.Client;
  let office: Session;
  let union: Session;
  let documentId: string;
  /** The Women's Union's assignments of the seed document, one per task. */
  let assignmentIds: string[];
  /** In the environment of every process of this file's cluster, to find leftovers. */
  const mark = randomBytes(8).toString('hex');

  const ok = async <T>(url: string, session: Caller, query: string, variables?: Record<string, unknown>) => {
    const { body } = await graphql<T>(url, query, variables, session.headers);
    if (body.errors) throw new Error(`${JSON.stringify(body.errors)}\n${cluster.output(3_000)}`);
    return body.data as T;
  };
  const rows = async <T>(text: string, values: unknown[] = []) => (await sql.query(text, values)).rows as T[];

  beforeAll(async () => {
    database = await createTestDatabase({ roles: true });
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    // The demo logins are seeded while the processes start: nothing of theirs reads them at start.
    const [started, seeded] = await Promise.allSettled([
      startCluster({
        databaseUrl: database.url,
        ownerUrl: database.ownerUrl,
        apis: 2,
        workers: 2,
        // The seed's audit events were keyed with the tests' key: the chain stays one chain.
        env: { AUDIT_KEY: TEST_AUDIT_KEY, DONDOC_TEST_MARK: mark },
      }),
      runToEnd([builtEntry('cli'), 'seed', '--demo'], {
        DATABASE_URL: database.url,
        JWT_SECRET: 'seed-secret-that-is-long-enough-for-hs256',
        NODE_ENV: 'test',
      }),
    ]);
    if (started.status === 'fulfilled') cluster = started.value;
    else throw started.reason;
    if (seeded.status === 'rejected') throw seeded.reason;
    if (seeded.value.code !== 0) throw new Error(`cli seed failed: ${seeded.value.stderr}`);
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
    await sql?.end();
    await database?.drop();
    // stop() leaves none of the four processes behind.
    expect(processesMarked(mark)).toEqual([]);
  });

  it('sends consecutive requests through the balancer to both APIs', async () => {
    const before = await Promise.all(cluster.apis.map((api) => graphqlRequests(cluster, api.url)));
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${cluster.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.status).toBe(200);
    }
    const after = await Promise.all(cluster.apis.map((api) => graphqlRequests(cluster, api.url)));
    // Round robin (three each while haproxy sees both up; nothing else of this file runs now).
    const answered = after.map((count, i) => count - before[i]!);
    expect(answered.reduce((sum, count) => sum + count, 0)).toBe(6);
    expect(answered.every((count) => count > 0)).toBe(true);
    expect(await cluster.balancer.servers()).toEqual({ api1: 'UP', api2: 'UP' });
  });

  it('accepts on API 2 a session made on API 1: the GraphQL token, and the browser cookie refreshed there', async () => {
    const [api1, api2] = cluster.apis as [Cluster['apis'][number], Cluster['apis'][number]];
    office = await signIn(api1.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    union = await signIn(api2.url, 'phunu@dondoc.local', DEMO_PASSWORD);
    expect(await ok(api2.url, office, ME)).toEqual({ me: { email: 'thuongtruc@dondoc.local' } });
    expect(await ok(api1.url, union, ME)).toEqual({ me: { email: 'phunu@dondoc.local' } });

    // The console's flow: signed in on API 1, the cookie refreshed on API 2, whose new access
    // token API 1 accepts; the origin is the balancer's (APP_URL), as the browser sends it.
    const origin = cluster.env.APP_URL!;
    const made = await browserSession(api1.url, 'session', origin, undefined, {
      email: 'kiemtra@dondoc.local',
      password: DEMO_PASSWORD,
    });
    expect(made.status).toBe(200);
    const refreshed = await browserSession(api2.url, 'refresh', origin, made.jar);
    expect(refreshed.status).toBe(200);
    const inspector: Caller = { headers: { authorization: `Bearer ${refreshed.accessToken}` } };
    expect(await ok(api1.url, inspector, ME)).toEqual({ me: { email: 'kiemtra@dondoc.local' } });

    // Logged out on API 1: the rotated cookie is refused by API 2.
    const ended = await browserSession(api1.url, 'logout', origin, refreshed.jar);
    expect(ended.status).toBe(200);
    expect((await browserSession(api2.url, 'refresh', origin, refreshed.jar)).status).toBe(401);
  });

  it(`refuses on API 2, within ${REVOKED_WITHIN_MS} ms, a token whose session was ended on API 1 (logout, password change)`, async () => {
    const [api1, api2] = cluster.apis as [Cluster['apis'][number], Cluster['apis'][number]];
    const admin = await signIn(api1.url, 'admin@dondoc.local', DEMO_PASSWORD);
    const [{ id: inspectorId }] = await rows<{ id: string }>('SELECT id FROM users WHERE email = $1', [
      'kiemtra@dondoc.local',
    ]);
    const ends: [string, Session, () => Promise<unknown>][] = [
      [
        'password change',
        await signIn(api1.url, 'kiemtra@dondoc.local', DEMO_PASSWORD),
        () =>
          ok(
            api1.url,
            admin,
            'mutation ($id: ID!, $password: String) { updateUser(id: $id, password: $password) { id } }',
            {
              id: inspectorId,
              password: 'a-new-password-1',
            },
          ),
      ],
    ];
    const loggedOut = await signIn(api1.url, 'admin@dondoc.local', DEMO_PASSWORD);
    ends.push([
      'logout',
      loggedOut,
      () =>
        ok(api1.url, loggedOut, 'mutation ($token: String!) { logout(refreshToken: $token) }', {
          token: loggedOut.refreshToken,
        }),
    ]);
    for (const [reason, session, end] of ends) {
      // Twice on API 2: the second answer comes from its cache, which the news must reach.
      expect(await answer(api2.url, session)).toBe('OK');
      expect(await answer(api2.url, session)).toBe('OK');
      await end();
      const ended = performance.now();
      let refusedAfter = Number.POSITIVE_INFINITY;
      while (performance.now() - ended < REVOKED_WITHIN_MS * 5) {
        if ((await answer(api2.url, session)) === 'UNAUTHENTICATED') {
          refusedAfter = performance.now() - ended;
          break;
        }
      }
      process.stdout.write(`${reason} on API 1 → refused on API 2 after ${refusedAfter.toFixed(1)} ms\n`);
      expect(refusedAfter).toBeLessThan(REVOKED_WITHIN_MS);
      expect(await answer(cluster.url, session)).toBe('UNAUTHENTICATED');
    }
  });

  it('relays every outbox row once and notifies once, with two workers relaying', async () => {
    // Writes through the balancer: the seed document, one assignment per task to the Women's
    // Union, published (assignment.created), then a report on each at once (report.submitted).
    const { importDocument } = await ok<{ importDocument: { id: string; tasks: { id: string }[] } }>(
      cluster.url,
      office,
      'mutation ($input: DocumentInput!) { importDocument(input: $input) { id tasks { id } } }',
      { input: { fileName: 'kon-tum-410-BC-TU-2019.txt', fileBase64: Buffer.from(SEED).toString('base64') } },
    );
    documentId = importDocument.id;
    const [{ id: unionId }] = await rows<{ id: string }>(`SELECT id FROM organizations WHERE key = 'kt.pn'`);
    await Promise.all(
      importDocument.tasks.map((task) =>
        ok(
          cluster.url,
          office,
          'mutation ($taskId: ID!, $assignees: [AssigneeInput!]!) { setTaskAssignees(taskId: $taskId, assignees: $assignees) { id } }',
          {
            taskId: task.id,
            assignees: [
              { organizationId: unionId, role: 'LEAD', dueDate: '2030-06-30', cadence: 'QUARTERLY' },
            ],
          },
        ),
      ),
    );
    await ok(cluster.url, office, 'mutation ($id: ID!) { publishDocument(id: $id) { status } }', {
      id: documentId,
    });
    const { allAssignments } = await ok<{ allAssignments: { id: string }[] }>(
      cluster.url,
      union,
      'query ($d: ID!) { allAssignments(perPage: 100, filter: { documentId: $d }) { id } }',
      { d: documentId },
    );
    assignmentIds = allAssignments.map((assignment) => assignment.id);
    expect(assignmentIds).toHaveLength(importDocument.tasks.length);
    await Promise.all(
      assignmentIds.map((assignmentId) =>
        ok(
          cluster.url,
          union,
          'mutation ($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { id } }',
          { input: { assignmentId, period: '2027-Q1', percentComplete: 30, results: 'Đã triển khai' } },
        ),
      ),
    );

    const outbox = await rows<{ id: string; topic: string }>(
      `SELECT id, topic FROM outbox WHERE topic IN ('assignment.created', 'report.submitted') ORDER BY id`,
    );
    expect(outbox).toHaveLength(2 * assignmentIds.length);
    const events = cluster.queue(QueueName.Events);
    try {
      // Every row of the outbox (not only these) relayed, and its job done.
      await eventually(async () => {
        const [{ waiting }] = await rows<{ waiting: number }>(
          'SELECT count(*)::int AS waiting FROM outbox WHERE relayed_at IS NULL',
        );
        expect(waiting).toBe(0);
        const counts = await events.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(0);
      }, 30_000);
      const [{ relayed }] = await rows<{ relayed: number }>(
        `SELECT count(*)::int AS relayed FROM outbox WHERE topic NOT LIKE 'export.%'`,
      );
      // One job per row in Redis, and one run of it across both workers.
      expect(await events.getJobCountByTypes('completed')).toBe(relayed);
      expect(await events.getJobCountByTypes('failed')).toBe(0);
      const perWorker = await completedJobs(cluster, QueueName.Events);
      process.stdout.write(`Events jobs run per worker: ${perWorker.join(', ')} (${relayed} outbox rows)\n`);
      expect(perWorker.reduce((sum, count) => sum + count, 0)).toBe(relayed);
    } finally {
      await events.close();
    }

    // One notification per event and recipient: the Union hears of each assignment once, the
    // office of each report once.
    const notified = await rows<{ kind: string; assignment_id: string; notifications: number }>(
      `SELECT n.kind, n.assignment_id, count(*)::int AS notifications
         FROM notifications n JOIN users u ON u.id = n.recipient_user_id
        WHERE u.email = $1 AND n.kind IN ('ASSIGNMENT_CREATED', 'REPORT_SUBMITTED')
        GROUP BY 1, 2`,
      ['phunu@dondoc.local'],
    );
    expect(notified.filter((row) => row.kind === 'ASSIGNMENT_CREATED')).toHaveLength(assignmentIds.length);
    const toOffice = await rows<{ assignment_id: string; notifications: number }>(
      `SELECT n.assignment_id, count(*)::int AS notifications
         FROM notifications n JOIN users u ON u.id = n.recipient_user_id
        WHERE u.email = $1 AND n.kind = 'REPORT_SUBMITTED' GROUP BY 1`,
      ['thuongtruc@dondoc.local'],
    );
    expect(toOffice).toHaveLength(assignmentIds.length);
    expect([...notified, ...toOffice].every((row) => row.notifications === 1)).toBe(true);
  });

  it('runs the sweep on both workers and notifies each transition once', async () => {
    // Half the Union's assignments went overdue yesterday, the others fall due tomorrow (due
    // soon, and the one-day reminder); "today" is the product's, in Vietnam.
    const half = Math.ceil(assignmentIds.length / 2);
    const overdue = assignmentIds.slice(0, half);
    const dueSoon = assignmentIds.slice(half);
    const today = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
    await sql.query(`UPDATE assignments SET due_date = ${today} - 1 WHERE id = ANY($1::uuid[])`, [overdue]);
    await sql.query(`UPDATE assignments SET due_date = ${today} + 1 WHERE id = ANY($1::uuid[])`, [dueSoon]);

    const followUp = cluster.queue(QueueName.FollowUp);
    try {
      // Both workers registered the schedule: it is still one schedule.
      const schedulers = await followUp.getJobSchedulers();
      expect(schedulers.filter((scheduler) => scheduler.key === 'sweep')).toHaveLength(1);

      const before = await completedJobs(cluster, QueueName.FollowUp, 'sweep');
      // Rounds of sweeps at once until each worker ran some (the first round nearly always does).
      let ran = before.map(() => 0);
      for (let round = 0; round < SWEEP_ROUNDS && ran.some((count) => count === 0); round++) {
        const jobs = await followUp.addBulk(
          Array.from({ length: SWEEPS }, (_, i) => ({
            name: 'sweep',
            data: {},
            opts: { jobId: `multi-instance-sweep-${round}-${i}`, removeOnComplete: 100 },
          })),
        );
        await eventually(async () => {
          const states = await Promise.all(jobs.map((job) => job.getState()));
          expect(states.filter((state) => state !== 'completed')).toEqual([]);
        }, 30_000);
        const after = await completedJobs(cluster, QueueName.FollowUp, 'sweep');
        ran = after.map((count, i) => count - before[i]!);
      }
      process.stdout.write(`Sweeps run per worker: ${ran.join(', ')}\n`);
      expect(ran.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(SWEEPS);
      expect(ran.every((count) => count > 0)).toBe(true);
    } finally {
      await followUp.close();
    }

    const transitions = await rows<{ assignment_id: string; kind: string; times: number }>(
      `SELECT assignment_id, kind, count(*)::int AS times FROM assignment_transitions
        WHERE assignment_id = ANY($1::uuid[]) GROUP BY 1, 2 ORDER BY 2, 1`,
      [assignmentIds],
    );
    const expected = [
      ...dueSoon.map((id) => ({ assignment_id: id, kind: 'DUE_REMINDER', times: 1 })),
      ...dueSoon.map((id) => ({ assignment_id: id, kind: 'DUE_SOON', times: 1 })),
      ...overdue.map((id) => ({ assignment_id: id, kind: 'OVERDUE', times: 1 })),
    ];
    expect(transitions).toEqual(expect.arrayContaining(expected.map((row) => expect.objectContaining(row))));
    expect(transitions).toHaveLength(expected.length);

    // The Union hears of each once, whichever worker noticed it.
    const notified = await rows<{ assignment_id: string; kind: string; times: number }>(
      `SELECT n.assignment_id, n.kind, count(*)::int AS times
         FROM notifications n JOIN users u ON u.id = n.recipient_user_id
        WHERE u.email = $1 AND n.kind IN ('OVERDUE', 'DUE_SOON', 'DUE_REMINDER') GROUP BY 1, 2`,
      ['phunu@dondoc.local'],
    );
    expect(notified).toHaveLength(expected.length);
    expect(notified.every((row) => row.times === 1)).toBe(true);
  });

  it('makes a requested export once, and both APIs serve the same file', async () => {
    const before = await completedJobs(cluster, QueueName.Exports);
    const { exportReport } = await ok<{ exportReport: { id: string } }>(
      cluster.url,
      office,
      'mutation ($input: ExportReportInput!) { exportReport(input: $input) { id } }',
      { input: { documentId, format: 'CSV' } },
    );
    let view = { status: 'PENDING', url: null as string | null };
    await eventually(async () => {
      ({ Export: view } = await ok<{ Export: typeof view }>(
        cluster.url,
        office,
        'query ($id: ID!) { Export(id: $id) { status url } }',
        { id: exportReport.id },
      ));
      expect(view.status).toBe('DONE');
    }, 30_000);

    expect(await rows('SELECT id FROM exports')).toEqual([{ id: exportReport.id }]);
    const after = await completedJobs(cluster, QueueName.Exports);
    expect(after.reduce((sum, count, i) => sum + count - before[i]!, 0)).toBe(1);
    const exports = cluster.queue(QueueName.Exports);
    try {
      expect(await exports.getJobCountByTypes('completed')).toBe(1);
    } finally {
      await exports.close();
    }

    const files = await Promise.all(
      cluster.apis.map(async (api) => {
        const response = await fetch(`${api.url}${view.url}`, { headers: office.headers });
        expect(response.status).toBe(200);
        return Buffer.from(await response.arrayBuffer());
      }),
    );
    expect(files[0]!.length).toBeGreaterThan(100);
    expect(files[1]!.equals(files[0]!)).toBe(true);
  });
});

async function answer(url: string, session: Session): Promise<string> {
  const { body } = await graphql(url, ME, undefined, session.headers);
  return (body.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
}

/** Requests an API answered on /graphql, from its own metrics. */
async function graphqlRequests(cluster: Cluster, url: string): Promise<number> {
  return sumOf(await cluster.metrics(url), 'dondoc_http_request_duration_seconds_count', /route="\/graphql"/);
}

/** Jobs of a queue (and name) each worker completed, from its metrics. */
async function completedJobs(cluster: Cluster, queue: string, name?: string): Promise<number[]> {
  const labels = new RegExp(`queue="${queue}"${name ? `,name="${name}"` : ''}`);
  return Promise.all(
    cluster.workers.map(async (worker) =>
      sumOf(await cluster.metrics(worker.url), 'dondoc_jobs_completed_total', labels),
    ),
  );
}

function sumOf(metrics: string, name: string, labels: RegExp): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && labels.test(line))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

interface Jar {
  refresh: string;
  csrf: string;
}

/** One call of the console's session endpoints, as a browser makes it, and the cookies it set. */
async function browserSession(
  url: string,
  path: 'session' | 'refresh' | 'logout',
  origin: string,
  jar?: Jar,
  body?: Record<string, string>,
): Promise<{ status: number; accessToken?: string; jar?: Jar }> {
  const response = await fetch(`${url}/auth/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin,
      ...(jar
        ? { cookie: `dondoc_refresh=${jar.refresh}; dondoc_csrf=${jar.csrf}`, 'x-csrf-token': jar.csrf }
        : {}),
    },
    body: JSON.stringify(body ?? {}),
  });
  const cookies = new Map(
    response.headers.getSetCookie().map((cookie) => {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      return [pair!.slice(0, at), pair!.slice(at + 1)] as const;
    }),
  );
  const json = (await response.json().catch(() => ({}))) as { accessToken?: string };
  const refresh = cookies.get('dondoc_refresh');
  const csrf = cookies.get('dondoc_csrf');
  return {
    status: response.status,
    accessToken: json.accessToken,
    jar: refresh && csrf ? { refresh, csrf } : undefined,
  };
}
