// `npm run bench:plans [-- --scale nation|province]`: the query plans of the hot reads, as
// the API really runs them. Starts the built API on the bench data set with every SQL
// statement captured (scripts/bench/capture-sql.mjs), makes each hot request once, then
// writes `EXPLAIN (ANALYZE, BUFFERS)` of each statement it sent to bench/plans/<scale>/<name>.txt.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { startApi } from './bench/api-process.mjs';

const { values: args } = parseArgs({ options: { scale: { type: 'string', default: 'nation' } } });
const admin = new URL(process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
admin.pathname = `/dondoc_bench_${args.scale}`;
const url = admin.toString();

const HOT = {
  'list-province-overdue': {
    as: 'thuongtruc@dondoc.local',
    query: `query { allAssignments(filter: { timeliness: [OVERDUE] }, page: 0, perPage: 25, sortField: "dueDate", sortOrder: "ASC") {
      id dueDate status percentComplete timeliness task { id number text } organization { id name } } }`,
  },
  'list-province-overdue-count': {
    as: 'thuongtruc@dondoc.local',
    query: 'query { _allAssignmentsMeta(filter: { timeliness: [OVERDUE] }) { count } }',
  },
  'dashboard-nation': {
    as: 'admin@dondoc.local',
    query: '{ dashboard { total byTimeliness { timeliness count } } }',
  },
  'dashboard-province': {
    as: 'thuongtruc@dondoc.local',
    query: '{ dashboard { total byTimeliness { timeliness count } } }',
  },
  'search-dan-van': {
    as: 'admin@dondoc.local',
    query: `query { allAssignments(filter: { q: "dan van" }, page: 0, perPage: 25, sortField: "dueDate", sortOrder: "ASC") {
      id dueDate status task { id text } organization { id name } } }`,
  },
};

const capture = join(tmpdir(), `dondoc-bench-plans-${process.pid}.jsonl`);
writeFileSync(capture, '');
const api = await startApi(url, {
  CAPTURE_SQL_FILE: capture,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ./scripts/bench/capture-sql.mjs`.trim(),
});
const client = new pg.Client({ connectionString: url });
await client.connect();
// As the API's connections run (libs/platform data-source-options: serialQueries).
await client.query('SET max_parallel_workers_per_gather = 0');
const directory = join('bench', 'plans', args.scale);
mkdirSync(directory, { recursive: true });
try {
  const tokens = new Map();
  for (const [name, hot] of Object.entries(HOT)) {
    if (!tokens.has(hot.as)) tokens.set(hot.as, await api.login(hot.as));
    await api.graphql(hot.query, {}, tokens.get(hot.as)); // warm: what is cached once is not the hot path
    writeFileSync(capture, '');
    await api.graphql(hot.query, {}, tokens.get(hot.as));
    const statements = readFileSync(capture, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((s) => /^\s*(SELECT|WITH)\b/i.test(s.text));
    let out = `-- ${name}: ${statements.length} statement(s) for one request as ${hot.as}\n-- ${hot.query.replace(/\s+/g, ' ')}\n`;
    for (const [i, statement] of statements.entries()) {
      const plan = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.params)).rows
        .map((row) => row['QUERY PLAN'])
        .join('\n');
      out += `\n-- statement ${i + 1}\n${statement.text}\n-- parameters: ${JSON.stringify(statement.params)}\n${plan}\n`;
    }
    writeFileSync(join(directory, `${name}.txt`), out);
    process.stdout.write(`${name}: ${statements.length} statement(s) → ${join(directory, `${name}.txt`)}\n`);
  }
} finally {
  await client.end();
  await api.stop();
  rmSync(capture, { force: true });
}
