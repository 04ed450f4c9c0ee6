// `npm run bench:cost [-- --scale province|nation] [--runs N] [--reuse]`: the costliest GraphQL
// query the default limits accept, beside a plain one-page list, in one run against the built API
// (NODE_ENV=production) on a bench data set of its own (`dondoc_bench_cost_<scale>`):
// its latency (p50/p95 over N runs), the API's peak resident memory while it runs, and another
// user's `{ me { id } }` p95 meanwhile, against the same figures quiet and for the plain page.
// The candidates are real list fields over the bench data, each sized (perPage, or aliased pages)
// to the largest cost the limits accept; the slowest of them is "the costliest".
// Benchmarks print figures: nothing here fails on a slow machine.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';

import { buildSchema, getOperationAST, parse } from 'graphql';
import pg from 'pg';

import { measureOperation } from '../dist/apps/api/src/graphql/measure-operation.js';
import { checkQueryLimits } from '../dist/apps/api/src/graphql/query-too-complex.js';
import { loadConfig } from '../dist/libs/platform/src/index.js';
import { startApi } from './bench/api-process.mjs';
import { round, statistics } from './bench/measure.mjs';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'province' },
    runs: { type: 'string', default: '20' },
    reuse: { type: 'boolean', default: false },
    // Another budget to compare with the default (the API is started with it too).
    'max-cost': { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = `dondoc_bench_cost_${args.scale}`;
const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${DATABASE}` }).toString();

const costEnv = args['max-cost'] ? { GRAPHQL_MAX_COST: args['max-cost'] } : {};
const limits = loadConfig(costEnv).graphqlLimits;
const schema = buildSchema(readFileSync('apps/api/schema.gql', 'utf8'));
const measure = (query) => {
  const document = parse(query);
  return measureOperation(schema, document, getOperationAST(document), {});
};
const accepted = (query) => checkQueryLimits(measure(query), limits) === null;
const range = (n) => Array.from({ length: n }, (_, i) => i);

/** The console's assignment list: one page of 25 with task and organization. */
const PLAIN_PAGE = `{ allAssignments(perPage: 25, sortField: "dueDate", sortOrder: "ASC") {
  id status dueDate percentComplete timeliness task { id number text } organization { id name } } }`;
const PROBE = '{ me { id } }';

/** Each candidate grows with `n` (a page size or a number of aliased pages). */
const CANDIDATES = [
  {
    name: 'aliased 1,000-row pages of assignments, 5 linked records each',
    max: limits.maxAliases,
    query: (n) =>
      `{ ${range(n)
        .map(
          (
            i,
          ) => `p${i}: allAssignments(perPage: 1000, page: ${i}) { id status dueDate percentComplete timeliness
            task { id number text } organization { id name } document { id number title } parent { id } assignedBy { id name } }`,
        )
        .join(' ')} }`,
  },
  {
    name: 'aliased 1,000-row pages of progress reports with their assignment',
    max: limits.maxAliases,
    query: (n) =>
      `{ ${range(n)
        .map(
          (
            i,
          ) => `r${i}: allProgressReports(perPage: 1000, page: ${i}) { id period percentComplete results difficulties
            assignment { id status task { id text } organization { id name } document { id } } }`,
        )
        .join(' ')} }`,
  },
  {
    name: 'tasks with their assignments and their reports',
    max: 1000,
    query: (n) => `{ allTasks(perPage: ${n}) { id number text document { id title }
      assignments { id status organization { id name } progressReports { id percentComplete results } } } }`,
  },
  {
    name: 'documents with their tasks and assignments',
    max: 1000,
    query: (n) => `{ allDocuments(perPage: ${n}) { id title
      tasks { id text assignments { id status organization { name } } } } }`,
  },
  {
    name: 'assignments with reports, requests, inspections and parts',
    max: 1000,
    query: (n) => `{ allAssignments(perPage: ${n}) { id status task { id text } organization { name }
      progressReports { id percentComplete results difficulties } extensionRequests { id reason }
      inspections { id } children { id status } } }`,
  },
];

/** The largest n (up to the candidate's max) whose query the limits accept. */
function largestAccepted(candidate) {
  let best = 0;
  for (let low = 1, high = candidate.max; low <= high;) {
    const middle = Math.floor((low + high) / 2);
    if (accepted(candidate.query(middle))) {
      best = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return best;
}

async function prepareData() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).rowCount > 0;
  await admin.end();
  if (exists && args.reuse) return;
  execFileSync(
    process.execPath,
    ['dist/apps/cli/src/main.js', 'bench-data', '--scale', args.scale, '--database', databaseUrl],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

async function timed(api, query, token) {
  const started = performance.now();
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok || text.startsWith('{"errors"'))
    throw new Error(`${response.status} ${text.slice(0, 300)}`);
  return { ms, bytes: text.length };
}

/** Runs `query` RUNS times in a row while another user probes and the API's memory is sampled. */
async function sideBySide(api, query, heavyToken, probeToken) {
  let running = true;
  let peakRss = api.rssMb();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, api.rssMb());
  }, 20);
  const probes = [];
  const prober = (async () => {
    while (running) probes.push((await timed(api, PROBE, probeToken)).ms);
  })();
  const latencies = [];
  let bytes = 0;
  const started = performance.now();
  for (let run = 0; run < RUNS; run++) {
    const result = await timed(api, query, heavyToken);
    latencies.push(result.ms);
    bytes = result.bytes;
  }
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await prober;
  clearInterval(sampler);
  const own = statistics(latencies, seconds);
  const probe = statistics(probes, seconds);
  return {
    p50_ms: own.p50_ms,
    p95_ms: own.p95_ms,
    response_kb: round(bytes / 1024, 0),
    peak_rss_mb: round(peakRss, 0),
    probe_p50_ms: probe.p50_ms,
    probe_p95_ms: probe.p95_ms,
    probes: probe.requests,
  };
}

await prepareData();
const api = await startApi(databaseUrl, costEnv);
try {
  const supervisor = await api.login('thuongtruc@dondoc.local');
  const officer = await api.login('phunu@dondoc.local');

  // Quiet: the probe alone, for its own baseline.
  const quiet = [];
  const quietStart = performance.now();
  while (performance.now() - quietStart < 3000) quiet.push((await timed(api, PROBE, officer)).ms);
  const quietProbe = statistics(quiet, 3);
  const quietRss = api.rssMb();

  const plain = await sideBySide(api, PLAIN_PAGE, supervisor, officer);
  process.stdout.write(
    `limits: depth ${limits.maxDepth}, aliases ${limits.maxAliases}, fields ${limits.maxFields}, cost ${limits.maxCost}\n` +
      `data: ${DATABASE}; ${RUNS} runs each; load ${loadavg()
        .map((x) => round(x))
        .join(' ')}\n\ncandidates (largest accepted size, one warm run):\n`,
  );
  const sized = [];
  for (const candidate of CANDIDATES) {
    const n = largestAccepted(candidate);
    if (n === 0) {
      process.stdout.write(`  ${candidate.name}: refused even at n=1\n`);
      continue;
    }
    const query = candidate.query(n);
    await timed(api, query, supervisor);
    const { ms, bytes } = await timed(api, query, supervisor);
    const refusedAbove = n < candidate.max ? !accepted(candidate.query(n + 1)) : null;
    sized.push({ ...candidate, n, query, ms, cost: measure(query).cost });
    process.stdout.write(
      `  ${candidate.name}: n=${n}, cost ${measure(query).cost}, ${round(ms, 0)} ms, ${round(bytes / 1024, 0)} KB` +
        `${refusedAbove ? ` (n=${n + 1} refused)` : ''}\n`,
    );
  }
  const costliest = sized.sort((a, b) => b.ms - a.ms)[0];

  const rssBefore = api.rssMb();
  const heavy = await sideBySide(api, costliest.query, supervisor, officer);

  const rows = [
    ['', 'cost', 'p50 ms', 'p95 ms', 'answer KB', 'peak RSS MB', 'me{id} p50 ms', 'me{id} p95 ms'],
    ['quiet (probe only)', '-', '-', '-', '-', round(quietRss, 0), quietProbe.p50_ms, quietProbe.p95_ms],
    ['plain page (25 assignments)', measure(PLAIN_PAGE).cost, ...figures(plain)],
    [`costliest: ${costliest.name} (n=${costliest.n})`, costliest.cost, ...figures(heavy)],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  process.stdout.write(
    `\n${rows.map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')).join('\n')}\n`,
  );
  process.stdout.write(
    `\nRSS before the costliest runs: ${round(rssBefore, 0)} MB (after the candidates' warm runs)`,
  );
  process.stdout.write(
    `\nload at end ${loadavg()
      .map((x) => round(x))
      .join(' ')}\n`,
  );
} finally {
  await api.stop();
}

function figures(result) {
  return [
    result.p50_ms,
    result.p95_ms,
    result.response_kb,
    result.peak_rss_mb,
    result.probe_p50_ms,
    result.probe_p95_ms,
  ];
}
