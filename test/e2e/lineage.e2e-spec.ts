import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_PASSWORD, DemoUsers } from '@dondoc/identity';
import { OrganizationSeeder, QUANG_NGAI_2025 } from '@dondoc/organizations';
import {
  bootApi,
  builtEntry,
  createTestDatabase,
  Given,
  graphql,
  type RunningApi,
  runToEnd,
  signIn,
  type TestDatabase,
} from '@dondoc/test-support';
import pg from 'pg';

/**
 * Reorganizations seen from outside: an administrator merges bodies over GraphQL (and no
 * one else may), and `cli scenario reorganize-2025` applies the merger of 1 July 2025 to the
 * demo data after the walkthrough's publication, once.
 */
const SEED = readFileSync(
  join(process.cwd(), 'libs/ingestion/test-documents/seed/kon-tum-410-BC-TU-2019.txt'),
  'utf8',
);
const SECRET = 'a-secret-that-is-at-least-32-characters';

type Session = Awaited<ReturnType<typeof signIn>>;
type Body<T> = Awaited<ReturnType<typeof graphql<T>>>['body'];

async function as<T>(api: RunningApi, session: Session, query: string, variables?: Record<string, unknown>) {
  return (await graphql<T>(api.url, query, variables, session.headers)).body as Body<T>;
}

async function ok<T>(api: RunningApi, session: Session, query: string, variables?: Record<string, unknown>) {
  const body = await as<T>(api, session, query, variables);
  if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

const WOMENS_UNION_WORK = `query { allAssignments(perPage: 50) { id status task { number } organization { key } } }`;
type Work = {
  allAssignments: { id: string; status: string; task: { number: string }; organization: { key: string } }[];
};

/**
 * The walkthrough's publication, shortened: the office imports the seed report, gives tasks
 * 3 and 3.1 to the Front and the five organizations (each leading its own part), publishes;
 * the Women's Union reports 40 % on task 3 and completes task 3.1, which the office confirms.
 */
async function publishWalkthrough(api: RunningApi): Promise<{ open: string; finished: string }> {
  const office = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
  const womensUnion = await signIn(api.url, 'phunu@dondoc.local', DEMO_PASSWORD);
  const { importDocument } = await ok<{
    importDocument: { id: string; tasks: { id: string; number: string }[] };
  }>(api, office, 'mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id number } } }', {
    i: { text: SEED },
  });
  const { allOrganizations } = await ok<{ allOrganizations: { id: string; key: string }[] }>(
    api,
    office,
    '{ allOrganizations(perPage: 500) { id key } }',
  );
  const idOf = (key: string) => allOrganizations.find((o) => o.key === key)!.id;
  const five = ['kt.mttq', 'kt.td', 'kt.pn', 'kt.nd', 'kt.ccb', 'kt.ldld'].map(idOf);
  for (const task of importDocument.tasks) {
    if (task.number === '3' || task.number === '3.1') {
      await ok(api, office, 'mutation ($id: ID!) { updateTask(id: $id, kind: SHARED) { id } }', {
        id: task.id,
      });
      await ok(
        api,
        office,
        'mutation ($t: ID!, $a: [AssigneeInput!]!) { setTaskAssignees(taskId: $t, assignees: $a) { id } }',
        {
          t: task.id,
          a: five.map((organizationId) => ({
            organizationId,
            role: 'LEAD',
            dueDate: '2027-03-31',
            cadence: 'QUARTERLY',
          })),
        },
      );
    } else if (!task.number.includes('.') || task.number.startsWith('3.')) {
      // Tasks 1 and 2 (with their sub-tasks) and 3.2 are left out.
      await ok(api, office, 'mutation ($id: ID!) { deleteTask(id: $id) { id } }', { id: task.id });
    }
  }
  await ok(api, office, 'mutation ($id: ID!) { publishDocument(id: $id) { id } }', { id: importDocument.id });
  const work = (await ok<Work>(api, womensUnion, WOMENS_UNION_WORK)).allAssignments;
  const open = work.find((a) => a.task.number === '3')!.id;
  const finished = work.find((a) => a.task.number === '3.1')!.id;
  await ok(
    api,
    womensUnion,
    'mutation ($a: ID!) { submitProgressReport(input: { assignmentId: $a, period: "2026-Q4", percentComplete: 40 }) { id } }',
    { a: open },
  );
  await ok(
    api,
    womensUnion,
    'mutation ($a: ID!) { requestCompletion(assignmentId: $a, summary: "Đã hoàn thành") { id } }',
    {
      a: finished,
    },
  );
  await ok(api, office, 'mutation ($a: ID!) { decideCompletion(assignmentId: $a, accept: true) { id } }', {
    a: finished,
  });
  return { open, finished };
}

describe('organization lineage over GraphQL', () => {
  let api: RunningApi;
  let work: { open: string; finished: string };
  const ids = new Map<string, string>();
  const MERGE = `mutation ($s: [ID!]!, $t: ID!) {
    mergeOrganizations(input: { sourceIds: $s, targetId: $t, effectiveDate: "2025-07-01", note: "Nghị quyết số 202/2025/QH15" }) {
      id name aliases active predecessors { id name }
    }
  }`;

  beforeAll(async () => {
    api = await bootApi();
    const konTum = await new Given(api.app).konTum();
    await api.app.get(OrganizationSeeder).seed(QUANG_NGAI_2025);
    await api.app.get(DemoUsers).ensure();
    for (const [key, o] of konTum) ids.set(key, o.id);
    work = await publishWalkthrough(api);
    const admin = await signIn(api.url, 'admin@dondoc.local', DEMO_PASSWORD);
    const { allOrganizations } = await ok<{ allOrganizations: { id: string; key: string }[] }>(
      api,
      admin,
      '{ allOrganizations(filter: { q: "Quảng Ngãi" }, perPage: 100) { id key } }',
    );
    for (const o of allOrganizations) ids.set(o.key, o.id);
  });
  afterAll(() => api?.close());

  it('is forbidden to everyone but an administrator', async () => {
    for (const email of ['thuongtruc@dondoc.local', 'phunu@dondoc.local', 'kiemtra@dondoc.local']) {
      const session = await signIn(api.url, email, DEMO_PASSWORD);
      const body = await as(api, session, MERGE, { s: [ids.get('kt.pn')], t: ids.get('qn.pn') });
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("merges the Women's Union: the successor takes the open work, the old body keeps the finished", async () => {
    const admin = await signIn(api.url, 'admin@dondoc.local', DEMO_PASSWORD);
    const { mergeOrganizations } = await ok<{
      mergeOrganizations: {
        id: string;
        name: string;
        aliases: string[];
        active: boolean;
        predecessors: { name: string }[];
      };
    }>(api, admin, MERGE, { s: [ids.get('kt.pn')], t: ids.get('qn.pn') });
    expect(mergeOrganizations).toMatchObject({
      id: ids.get('qn.pn'),
      name: 'Hội Liên hiệp Phụ nữ tỉnh Quảng Ngãi',
      active: true,
      predecessors: [{ name: 'Hội Liên hiệp Phụ nữ tỉnh' }],
    });
    expect(mergeOrganizations.aliases).toEqual(
      expect.arrayContaining(['Hội Liên hiệp Phụ nữ tỉnh', 'Hội LHPN tỉnh']),
    );
    const { Organization } = await ok<{
      Organization: { active: boolean; dissolvedOn: string; successors: { name: string }[] };
    }>(api, admin, 'query ($id: ID!) { Organization(id: $id) { active dissolvedOn successors { name } } }', {
      id: ids.get('kt.pn'),
    });
    expect(Organization).toEqual({
      active: false,
      dissolvedOn: '2025-07-01',
      successors: [{ name: 'Hội Liên hiệp Phụ nữ tỉnh Quảng Ngãi' }],
    });

    // The union's officer, now of the successor, sees the work carried on and the work done.
    const womensUnion = await signIn(api.url, 'phunu@dondoc.local', DEMO_PASSWORD);
    const seen = (await ok<Work>(api, womensUnion, WOMENS_UNION_WORK)).allAssignments;
    expect(seen.find((a) => a.id === work.open)).toMatchObject({
      status: 'IN_PROGRESS',
      organization: { key: 'qn.pn' },
    });
    expect(seen.find((a) => a.id === work.finished)).toMatchObject({
      status: 'COMPLETED',
      organization: { key: 'kt.pn' },
    });
  });

  it('refuses the same merger a second time, saying the body is already inactive', async () => {
    const admin = await signIn(api.url, 'admin@dondoc.local', DEMO_PASSWORD);
    const body = await as(api, admin, MERGE, { s: [ids.get('kt.pn')], t: ids.get('qn.pn') });
    expect(body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(body.errors?.[0]?.message).toMatch(
      /Hội Liên hiệp Phụ nữ tỉnh đã ngừng hoạt động \(từ ngày 2025-07-01\)/,
    );
  });
});

describe('cli scenario reorganize-2025', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let work: { open: string; finished: string };
  const env = () => ({ DATABASE_URL: database.url, JWT_SECRET: SECRET, LOG_LEVEL: 'warn' });

  beforeAll(async () => {
    database = await createTestDatabase();
    const seeded = await runToEnd([builtEntry('cli'), 'seed', '--demo'], env());
    expect(seeded.code).toBe(0);
    // The API on the same database, as the demo runs it, for the walkthrough's publication.
    const api = await bootApi({ DATABASE_URL: database.url });
    try {
      work = await publishWalkthrough(api);
    } finally {
      await api.close(); // drops the API's own (unused) database, not this one
    }
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  const holderOf = async (assignmentId: string) =>
    (
      await client.query<{ key: string; status: string }>(
        'SELECT o.key, a.status FROM assignments a JOIN organizations o ON o.id = a.organization_id WHERE a.id = $1',
        [assignmentId],
      )
    ).rows[0];
  const fingerprint = async () =>
    (
      await client.query<{ state: string }>(
        `SELECT (SELECT count(*) FROM organizations) || ':' || (SELECT count(*) FROM organizations WHERE active) || ':' ||
                (SELECT sum(version) FROM assignments) || ':' || (SELECT count(*) FROM audit_events) || ':' ||
                (SELECT count(*) FROM organization_successions) AS state`,
      )
    ).rows[0]!.state;

  it("moves the Women's Union's open work to its Quảng Ngãi successor, and a second run changes nothing", async () => {
    const first = await runToEnd([builtEntry('cli'), 'scenario', 'reorganize-2025'], env());
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Reorganization of 1 July 2025 applied \(effective 2025-07-01\)/);
    expect(first.stdout).toMatch(/Quảng Ngãi bodies created: 19\. Bodies merged: 100\./);
    expect(await holderOf(work.open)).toEqual({ key: 'qn.pn', status: 'IN_PROGRESS' });
    expect(await holderOf(work.finished)).toEqual({ key: 'kt.pn', status: 'COMPLETED' });

    // The Women's Union sits under the Fatherland Front; the old names find the new bodies.
    const tree = await client.query<{ key: string; parent: string }>(
      `SELECT o.key, p.key AS parent FROM organizations o JOIN organizations p ON p.id = o.parent_id
        WHERE o.key IN ('qn.pn', 'qn.nd', 'qn.ccb', 'qn.td', 'qn.ldld') ORDER BY o.key`,
    );
    expect(tree.rows.every((row) => row.parent === 'qn.mttq')).toBe(true);
    const found = await client.query<{ key: string }>(
      `SELECT key FROM organizations WHERE active AND search_text LIKE '%' || search_fold('Ban Chấp hành Đảng bộ tỉnh Kon Tum') || '%'`,
    );
    expect(found.rows.map((row) => row.key)).toEqual(['qn.tu']);
    const stillActive = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM organizations WHERE active AND key LIKE 'kt.%'`,
    );
    expect(stillActive.rows[0]!.n).toBe(0);
    const moved = Number(/Open assignments moved to a successor: (\d+)/.exec(first.stdout)?.[1]);
    const open = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM assignments a JOIN organizations o ON o.id = a.organization_id
        WHERE o.key LIKE 'qn.%' AND a.status IN ('NOT_STARTED','IN_PROGRESS','COMPLETION_REQUESTED')`,
    );
    expect(moved).toBe(open.rows[0]!.n);

    // Every copy of a tree path still agrees with the tree: bodies under their parents, and
    // the assignments and documents of every body that moved.
    const stale = await client.query<{ bodies: number; assignments: number; documents: number }>(
      `SELECT (SELECT count(*) FROM organizations o LEFT JOIN organizations p ON p.id = o.parent_id
                WHERE (p.id IS NULL AND nlevel(o.path) <> 1)
                   OR (p.id IS NOT NULL AND subpath(o.path, 0, nlevel(o.path) - 1) <> p.path))::int AS bodies,
              (SELECT count(*) FROM assignments a JOIN organizations o ON o.id = a.organization_id
                WHERE a.organization_path <> o.path)::int AS assignments,
              (SELECT count(*) FROM documents d JOIN organizations o ON o.id = d.owner_organization_id
                WHERE d.owner_path <> o.path)::int AS documents`,
    );
    expect(stale.rows[0]).toEqual({ bodies: 0, assignments: 0, documents: 0 });

    // Every change of the scenario is in the audit trail, and the chain still holds.
    const verified = await runToEnd([builtEntry('cli'), 'audit', 'verify'], env());
    expect(verified.code).toBe(0);

    const before = await fingerprint();
    const again = await runToEnd([builtEntry('cli'), 'scenario', 'reorganize-2025'], env());
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /already applied \(Tỉnh ủy Kon Tum dissolved on 2025-07-01\): nothing changed/,
    );
    expect(await fingerprint()).toBe(before);
    // Seeding the Kon Tum bodies of 2019 again (the API does at each zero-configuration start)
    // leaves the dissolved bodies as the reorganization left them.
    const reseeded = await runToEnd([builtEntry('cli'), 'seed'], env());
    expect(reseeded.stdout).toMatch(/Organizations: 0 created, 0 updated, \d+ unchanged/);
    expect(await fingerprint()).toBe(before);
  });
});
