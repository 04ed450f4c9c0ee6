import { randomBytes } from 'node:crypto';

import {
  TEST_DATABASE_PREFIX,
  adminUrl,
  builtEntry,
  runToEnd,
  withAdminClient,
  withDatabase,
} from '@dondoc/test-support';
import pg from 'pg';

const SECRET = 'a-secret-that-is-at-least-32-characters';
const TODAY = '2026-11-27';

interface Summary {
  counts: Record<string, number>;
  byTimeliness: Record<string, number>;
  openOverdueShare: number;
}

/** What the data is, without what may differ between runs (password salts, load times). */
const FINGERPRINT = `
  SELECT md5(string_agg(row, '|' ORDER BY row)) AS fingerprint FROM (
    SELECT concat_ws(',', id, task_id, organization_id, organization_path, role, status, due_date,
                     baseline_due_date, percent_complete, completed_on, completion_requested_on,
                     next_report_due, created_at) AS row FROM assignments
    UNION ALL SELECT concat_ws(',', id, assignment_id, period, percent_complete, status, submitted_at) FROM progress_reports
    UNION ALL SELECT concat_ws(',', id, name, path) FROM organizations
    UNION ALL SELECT concat_ws(',', id, hash) FROM audit_events
  ) AS rows`;

describe('cli bench-data (tiny scale)', () => {
  const name = `${TEST_DATABASE_PREFIX}bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = withDatabase(adminUrl(), name);
  afterAll(() => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

  const build = async (seed: number): Promise<{ summary: Summary; fingerprint: string }> => {
    const result = await runToEnd(
      [
        builtEntry('cli'),
        'bench-data',
        '--scale',
        'tiny',
        '--database',
        url,
        '--seed',
        String(seed),
        '--today',
        TODAY,
        '--json',
      ],
      {},
      120_000,
    );
    expect(result.code).toBe(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const [{ fingerprint }] = (await client.query<{ fingerprint: string }>(FINGERPRINT)).rows;
      return { summary: JSON.parse(result.stdout) as Summary, fingerprint };
    } finally {
      await client.end();
    }
  };

  it('builds the counts of its scale, a fifth of the open work overdue, the same data for the same seed', async () => {
    const first = await build(7);
    expect(first.summary.counts).toEqual({
      organizations: 25,
      users: 7,
      documents: 4,
      tasks: 20,
      assignments: 200,
      progress_reports: 400,
      // One per published document and one per assignment created.
      audit_events: 204,
    });
    // Exactly every fifth open assignment is overdue (as the product's timeliness SQL counts).
    const open =
      (first.summary.byTimeliness.ON_TRACK ?? 0) +
      (first.summary.byTimeliness.DUE_SOON ?? 0) +
      (first.summary.byTimeliness.OVERDUE ?? 0);
    expect(first.summary.byTimeliness.OVERDUE).toBe(Math.ceil(open / 5));
    expect(first.summary.openOverdueShare).toBeGreaterThan(0.18);
    expect(first.summary.openOverdueShare).toBeLessThan(0.22);

    const again = await build(7);
    expect(again.fingerprint).toBe(first.fingerprint);
    const other = await build(8);
    expect(other.fingerprint).not.toBe(first.fingerprint);
  }, 300_000);

  it('leaves keys, foreign keys and a valid audit chain behind', async () => {
    await build(7);
    const verify = await runToEnd([builtEntry('cli'), 'audit', 'verify'], {
      DATABASE_URL: url,
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
    });
    // The bench trail is of the unkeyed version 1 (it is built without the deployment key).
    expect(verify.stdout).toMatch(
      /^Audit trail intact: 204 events checked, 204 of them unkeyed \(recorded before AUDIT_KEY\); 0 anchors of .+ matched\.$/m,
    );
    expect(verify.code).toBe(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // The keys were taken off for the load and put back: a duplicate and a dangling row are refused.
      await expect(client.query('INSERT INTO assignments SELECT * FROM assignments LIMIT 1')).rejects.toThrow(
        /duplicate key/,
      );
      await expect(
        client.query(
          `INSERT INTO progress_reports (assignment_id, period, percent_complete, status)
           VALUES (gen_random_uuid(), '2026-Q4', 10, 'DRAFT')`,
        ),
      ).rejects.toThrow(/foreign key/);
      // Every assignment sits under its organization's path, in the document's province.
      const [{ misplaced }] = (
        await client.query<{ misplaced: number }>(
          `SELECT count(*)::int AS misplaced FROM assignments a
             JOIN organizations o ON o.id = a.organization_id
             JOIN documents d ON d.id = a.document_id
            WHERE a.organization_path <> o.path OR subpath(o.path, 0, 1) <> subpath(d.owner_path, 0, 1)`,
        )
      ).rows;
      expect(misplaced).toBe(0);
    } finally {
      await client.end();
    }
  }, 300_000);
});
