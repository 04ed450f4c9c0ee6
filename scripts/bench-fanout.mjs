// `npm run bench:fanout`: how long assignTask takes to give one task to 25,000 organizations
// (one transaction: the assignments, their audit events and outbox rows), through the API,
// median of RUNS runs (default 3). Uses a database of its own on the machine's PostgreSQL.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';

import pg from 'pg';

const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BODIES = Number(process.env.BODIES ?? 25_000);
const RUNS = Number(process.env.RUNS ?? 3);
// FANOUT_DATABASE lets two builds be measured side by side without sharing a database.
const DATABASE = process.env.FANOUT_DATABASE ?? 'dondoc_bench_fanout';
const SECRET = 'bench-secret-that-is-long-enough-for-hs256';

const DOCUMENT = `TỈNH ỦY KON TUM
*
Số 900-KL/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Kon Tum, ngày 10 tháng 01 năm 2026
KẾT LUẬN
về công tác dân vận

Ban Thường vụ Tỉnh ủy yêu cầu:
1. Các cơ quan, đơn vị tăng cường công tác dân vận, báo cáo kết quả hằng quý.
`;

const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${DATABASE}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${DATABASE}`;
const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  JWT_SECRET: SECRET,
  AUDIT_KEY: 'bench-audit-key-that-is-long-enough-for-hmac',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'development',
};

process.stdout.write(`Preparing: migrations, the Kon Tum bodies, demo users and ${BODIES} more bodies…\n`);
execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'seed', '--demo'], { env, stdio: 'ignore' });
const database = new pg.Client({ connectionString: url.toString() });
await database.connect();
await database.query(
  `INSERT INTO organizations (id, name, kind, level, parent_id, path)
   SELECT g.id, 'Đơn vị thử nghiệm số ' || g.n, 'DEPARTMENT', 'COMMUNE', root.id,
          root.path || replace(g.id::text, '-', '')::ltree
     FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $1) AS n) AS g,
          (SELECT id, path FROM organizations WHERE key = 'kt.tu') AS root`,
  [BODIES],
);
const { rows } = await database.query(
  `SELECT id FROM organizations WHERE kind = 'DEPARTMENT' AND level = 'COMMUNE'`,
);
const organizationIds = rows.map((row) => row.id);
await database.query('ANALYZE');

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
// API_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, to see where the time goes.
const nodeArgs = process.env.API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const api = spawn(process.execPath, [...nodeArgs, 'dist/apps/api/src/main.js'], {
  env: { ...env, PORT: String(port) },
  stdio: 'ignore',
});
const base = `http://127.0.0.1:${port}`;
for (let i = 0; i < 300; i++) {
  try {
    if ((await fetch(`${base}/health`)).ok) break;
  } catch {
    // starting
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}

const graphql = async (query, variables, token) => {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

try {
  const { login } = await graphql(
    'mutation { login(email: "admin@dondoc.local", password: "dondoc-demo") { accessToken } }',
  );
  const token = login.accessToken;
  const times = [];
  for (let run = 0; run < RUNS; run++) {
    const { importDocument } = await graphql(
      'mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id } } }',
      { i: { text: DOCUMENT.replace('900-KL/TU', `${900 + run}-KL/TU`) } },
      token,
    );
    const taskId = importDocument.tasks[0].id;
    await graphql(
      'mutation ($t: ID!) { setTaskAssignees(taskId: $t, assignees: []) { id } }',
      { t: taskId },
      token,
    );
    await graphql(
      'mutation ($id: ID!) { publishDocument(id: $id) { id } }',
      { id: importDocument.id },
      token,
    );
    const started = performance.now();
    const { assignTask } = await graphql(
      'mutation ($i: AssignTaskInput!) { assignTask(input: $i) { id } }',
      { i: { taskId, organizationIds, role: 'COORDINATE', dueDate: '2026-12-31', cadence: 'QUARTERLY' } },
      token,
    );
    const seconds = (performance.now() - started) / 1000;
    if (assignTask.length !== organizationIds.length)
      throw new Error(`expected ${organizationIds.length} assignments, got ${assignTask.length}`);
    times.push(seconds);
    process.stdout.write(`run ${run + 1}: ${assignTask.length} assignments in ${seconds.toFixed(2)} s\n`);
  }
  const counts = await database.query(
    `SELECT (SELECT count(*) FROM assignments)::int AS assignments,
            (SELECT count(*) FROM audit_events WHERE action = 'assignment.created')::int AS audit,
            (SELECT count(*) FROM outbox WHERE topic = 'assignment.created')::int AS outbox`,
  );
  times.sort((a, b) => a - b);
  process.stdout.write(
    `assignTask to ${organizationIds.length} organizations: median ${times[Math.floor(times.length / 2)].toFixed(2)} s ` +
      `over ${RUNS} runs (target ≤ 3 s, one transaction); rows written: ${JSON.stringify(counts.rows[0])}\n`,
  );
} finally {
  api.kill('SIGTERM');
  await database.end();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end();
}
