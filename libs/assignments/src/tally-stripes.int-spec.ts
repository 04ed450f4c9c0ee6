import { type TestDatabase, createTestDatabase, rowsOf } from '@dondoc/test-support';
import pg from 'pg';

import { checkTallies, compactTallies } from './dashboard-tallies.js';

/**
 * Status changes of assignments that share a tally key (one province, one due date: a
 * directive's task given to many bodies) must not queue behind one row lock held until
 * commit: under load those waits passed the statement timeout. Each server process writes a
 * stripe of its own; the hourly compaction folds the stripes and changes no count.
 */
describe('dashboard tallies written by several transactions at once', () => {
  let database: TestDatabase;
  const clients: pg.Client[] = [];
  const assignments: string[] = [];

  const connect = async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    clients.push(client);
    return client;
  };
  const stripeOf = async (client: pg.Client) =>
    Number((await client.query<{ s: number }>('SELECT pg_backend_pid() % 16 AS s')).rows[0]!.s);

  beforeAll(async () => {
    database = await createTestDatabase();
    const setup = await connect();
    const root = (
      await setup.query<{ id: string; path: string }>(
        `WITH id AS (SELECT gen_random_uuid() AS id)
         INSERT INTO organizations (id, name, kind, level, path)
         SELECT id, 'Tỉnh ủy thử', 'PARTY_COMMITTEE', 'PROVINCE', replace(id::text, '-', '')::ltree FROM id
         RETURNING id, path::text`,
      )
    ).rows[0]!;
    const documentId = (
      await setup.query<{ id: string }>(
        `INSERT INTO documents (status, text, owner_organization_id, owner_path) VALUES ('PUBLISHED', 'x', $1, $2) RETURNING id`,
        [root.id, root.path],
      )
    ).rows[0]!.id;
    const tasks = (
      await setup.query<{ id: string }>(
        `INSERT INTO tasks (document_id, number, position, text)
         SELECT $1, n::text, n, 'Nhiệm vụ ' || n FROM generate_series(1, 2) n RETURNING id`,
        [documentId],
      )
    ).rows.map((row) => row.id);
    for (const task of tasks) {
      // Same province, same due date, same status: one tally key for both.
      const { rows } = await setup.query<{ id: string }>(
        `INSERT INTO assignments (task_id, document_id, organization_id, organization_path, assigned_by_organization_id,
                                  role, status, due_date, baseline_due_date)
         VALUES ($1, $2, $3, $4, $3, 'LEAD', 'IN_PROGRESS', '2027-06-30', '2027-06-30') RETURNING id`,
        [task, documentId, root.id, root.path],
      );
      assignments.push(rows[0]!.id);
    }
  });

  afterAll(async () => {
    for (const client of clients) await client.end().catch(() => undefined);
    await database?.drop();
  });

  it('lets two open transactions change assignments of one key without waiting for each other', async () => {
    const first = await connect();
    let second = await connect();
    // Two server processes whose stripes differ (a pid collision modulo 16 is possible).
    while ((await stripeOf(second)) === (await stripeOf(first))) second = await connect();

    await first.query('BEGIN');
    await first.query(
      `UPDATE assignments SET status = 'COMPLETION_REQUESTED', completion_requested_on = '2027-06-01' WHERE id = $1`,
      [assignments[0]],
    );
    // Held open, as a request does while it waits for the audit chain's lock. The other
    // may not wait for it: with one tally row per key it would, until lock_timeout.
    await second.query('BEGIN');
    await second.query(`SET LOCAL lock_timeout = '1s'`);
    await second.query(
      `UPDATE assignments SET status = 'COMPLETION_REQUESTED', completion_requested_on = '2027-06-01' WHERE id = $1`,
      [assignments[1]],
    );
    await second.query('COMMIT');
    await first.query('COMMIT');

    const check = await checkTallies(rowsOf(first), '2027-01-01', 7);
    expect(check.mismatches).toEqual([]);
    expect(check.timelinessMismatches).toEqual([]);
  });

  it('folds the stripes into one row per key without changing a count', async () => {
    const client = clients[0]!;
    // Keys whose stripes add up to something, and rows in all (a zero key is dropped).
    const rowsOfKeys = async () =>
      (
        await client.query<{ keys: number; rows: number }>(
          `SELECT (SELECT count(*) FROM (SELECT 1 FROM assignment_tallies GROUP BY province, basis, day
                                          HAVING sum(n) <> 0) k)::int AS keys,
                  (SELECT count(*) FROM assignment_tallies)::int AS rows`,
        )
      ).rows[0]!;
    const before = await rowsOfKeys();
    expect(before.rows).toBeGreaterThan(before.keys); // the test above left a key on two stripes

    const first = await compactTallies(rowsOf(client));
    expect(first.folded).toBeGreaterThan(0);
    const after = await rowsOfKeys();
    expect(after).toEqual({ keys: before.keys, rows: before.keys });
    const check = await checkTallies(rowsOf(client), '2027-01-01', 7);
    expect(check.mismatches).toEqual([]);
    expect(check.timelinessMismatches).toEqual([]);

    // Again: nothing left to fold, nothing changes.
    expect(await compactTallies(rowsOf(client))).toEqual({ folded: 0, dropped: 0 });
    expect(await rowsOfKeys()).toEqual(after);
  });
});
