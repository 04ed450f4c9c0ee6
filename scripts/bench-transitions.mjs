// `npm run bench:transitions`: 100,000 assignments pass their due date at once; how long
// the follow-up sweep (the same FollowUpService the worker's scheduler runs, here through
// `cli tick`) takes to record every transition and notify everyone concerned, and a check
// that each notification exists exactly once. A database of its own on the machine's PostgreSQL.
import { execFileSync } from 'node:child_process';

import pg from 'pg';

import { seededBenchDatabase } from './bench/seeded-database.mjs';

const COUNT = Number(process.env.ASSIGNMENTS ?? 100_000);
const DATABASE = 'dondoc_bench_transitions';

const { url, env, drop } = await seededBenchDatabase(DATABASE);

const db = new pg.Client({ connectionString: url });
await db.connect();
process.stdout.write(
  `Preparing ${COUNT} assignments due on 2027-01-31, spread over the province's bodies…\n`,
);
await db.query(`
  WITH office AS (SELECT id, path FROM organizations WHERE key = 'kt.tu.vp'),
       doc AS (INSERT INTO documents (status, number, text, owner_organization_id, owner_path)
               SELECT 'PUBLISHED', '999-KL/TU', 'Văn bản thử', id, path FROM office RETURNING id),
       task AS (INSERT INTO tasks (document_id, number, position, text)
                SELECT id, '1', 0, 'Nhiệm vụ thử nghiệm cho đo hiệu năng' FROM doc RETURNING id, document_id)
  SELECT 1`);
const [{ taskid, documentid, officeid }] = (
  await db.query(
    `SELECT t.id AS taskid, t.document_id AS documentid, (SELECT id FROM organizations WHERE key = 'kt.tu.vp') AS officeid FROM tasks t`,
  )
).rows;
// One task given many times over: the unique (task, organization) pair is kept by giving
// each assignment its own task copy in batches of the bodies' count.
const bodies = (await db.query(`SELECT id, path FROM organizations WHERE level <> 'CENTRAL' ORDER BY path`))
  .rows;
await db.query(
  `INSERT INTO tasks (id, document_id, number, position, text)
   SELECT gen_random_uuid(), $1, (n + 1)::text, n + 1, 'Nhiệm vụ thử nghiệm số ' || n
     FROM generate_series(1, $2) AS n`,
  [documentid, Math.ceil(COUNT / bodies.length)],
);
await db.query(
  `INSERT INTO assignments (task_id, document_id, organization_id, organization_path, assigned_by_organization_id,
                            role, status, due_date, baseline_due_date, cadence)
   SELECT t.id, $1, o.id, o.path, $2, 'LEAD', 'IN_PROGRESS', DATE '2027-01-31', DATE '2027-01-31', 'NONE'
     FROM (SELECT id, row_number() OVER (ORDER BY position) AS r FROM tasks WHERE id <> $3) AS t
     CROSS JOIN LATERAL (SELECT id, path FROM organizations WHERE level <> 'CENTRAL') AS o
    LIMIT $4`,
  [documentid, officeid, taskid, COUNT],
);
await db.query('ANALYZE');
const assignments = (await db.query('SELECT count(*)::int AS n FROM assignments')).rows[0].n;

const startedAt = (await db.query('SELECT clock_timestamp() AS t')).rows[0].t;
const started = performance.now();
const output = execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'tick', '--at', '2027-02-01'], {
  env,
  encoding: 'utf8',
});
const seconds = (performance.now() - started) / 1000;
const checks = (
  await db.query(
    `
    SELECT (SELECT count(*) FROM assignment_transitions WHERE kind = 'OVERDUE')::int AS transitions,
           (SELECT count(*) FROM notifications WHERE kind = 'OVERDUE')::int AS notifications,
           (SELECT count(*) FROM (SELECT key, recipient_user_id FROM notifications GROUP BY 1, 2 HAVING count(*) > 1) AS d)::int AS duplicates,
           (SELECT count(DISTINCT assignment_id) FROM notifications WHERE kind = 'OVERDUE')::int AS assignments_notified,
           (SELECT extract(epoch FROM max(created_at) - $1::timestamptz) FROM notifications)::float AS notified_after_s`,
    [startedAt],
  )
).rows[0];
process.stdout.write(output);
process.stdout.write(
  `${assignments} assignments passed their due date at once: every in-app notification written ` +
    `${checks.notified_after_s.toFixed(1)} s after the sweep started (target: within 60 s, each exactly once); ` +
    `the whole tick, with up to 10,000 e-mails written as files, took ${seconds.toFixed(1)} s; ${JSON.stringify(checks)}\n`,
);
await db.end();
await drop();
