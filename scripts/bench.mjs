// `npm run bench [-- --scale nation|province] [--only NAME[,NAME]] [--seconds N] [--peer redmine]`:
// measures every line of QUALITY.md "Speed" against a bench data set (`cli bench-data`),
// each GraphQL read beside its floor (the same rows by one hand-written SQL query over `pg`,
// same connection count), and prints a table; the figures go to bench/results/<time>.json.
// Benchmarks print figures: nothing here fails on a slow machine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { BENCH_AUDIT_KEY, startApi } from './bench/api-process.mjs';
import { fanout, transitions } from './bench/child-benches.mjs';
import { coldLoadMs, mainChunkGzipKb } from './bench/console-load.mjs';
import { FLOOR_DASHBOARD, FLOOR_LIST, FLOOR_SEARCH } from './bench/floor-sql.mjs';
import { measureHttp, measureLoop, round } from './bench/measure.mjs';
import { runPeer } from './bench/peer-redmine.mjs';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'nation' },
    only: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    peer: { type: 'string' },
    'fanout-runs': { type: 'string', default: '3' },
  },
});
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const only = args.only ? new Set(args.only.split(',')) : null;
const wanted = (name) => (only ? only.has(name) : name !== 'peer' || args.peer === 'redmine');

const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databaseUrl = (scale) => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/dondoc_bench_${scale}`;
  return url.toString();
};

/** The lines of QUALITY.md "Speed", in its words. */
const LINES = {
  list: {
    operation:
      "assignment list page: one province's subtree, OVERDUE, by due date, 25 rows with task and organization",
    target: 'p95 ≤ 25 ms; ≥ 800 req/s at 8 connections; ≤ 2× the same page as one raw SQL query over `pg`',
  },
  'dashboard-nation': {
    operation: 'dashboard, whole nation, exact counts (checked against a brute-force COUNT)',
    target: 'p95 ≤ 50 ms',
  },
  'dashboard-province': { operation: 'dashboard, one province', target: 'p95 ≤ 20 ms' },
  search: {
    operation: 'diacritics-insensitive search ("dan van" over 1 M assignments)',
    target: 'p95 ≤ 50 ms',
  },
  report: {
    operation: 'submitProgressReport with its audit event and outbox row',
    target: '≥ 300 per second, p95 ≤ 50 ms',
  },
  fanout: { operation: 'assignTask fanned out to 25,000 organizations', target: '≤ 3 s, one transaction' },
  transitions: {
    operation: '100,000 assignments passing their due date at once',
    target: 'all notified within 60 s, each exactly once',
  },
  parse: {
    operation: 'parse the seed document / a 1 MB document',
    target: '≤ 20 ms / ≤ 500 ms, time linear in size',
  },
  rss: { operation: 'API resident memory under the list load', target: '≤ 250 MB' },
  console: {
    operation: 'console: cold load of the built console to an interactive list in headless Chromium',
    target: '≤ 1.5 s; main bundle ≤ 600 KB gzip',
  },
  peer: {
    operation: 'the same filtered list as an established tracker (../shared/peers/redmine.sh)',
    target: '≥ 50× its throughput, side by side in one run',
  },
};

const results = [];
const record = (name, figures) => {
  const line = {
    name,
    operation: LINES[name].operation,
    p50_ms: null,
    p95_ms: null,
    rps: null,
    floor_p95_ms: null,
    ratio: null,
    target: LINES[name].target,
    met: false,
    ...figures,
    load: loadavg().map((x) => round(x)),
  };
  results.push(line);
  process.stderr.write(`  ${name}: ${JSON.stringify(line)}\n`);
};
const GRAPHQL_LIST = `query ($f: AssignmentFilter) {
  allAssignments(filter: $f, page: 0, perPage: 25, sortField: "dueDate", sortOrder: "ASC") {
    id dueDate status percentComplete timeliness
    task { id number text }
    organization { id name }
  }
}`;
const DASHBOARD = '{ dashboard { total byTimeliness { timeliness count } } }';

const startLoad = loadavg();
const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
const scale = args.scale;
const url = databaseUrl(scale);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

const needsData = [
  'list',
  'dashboard-nation',
  'dashboard-province',
  'search',
  'report',
  'rss',
  'console',
].some(wanted);
let api = null;
let pool = null;
try {
  if (needsData) {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    const exists = (
      await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [`dondoc_bench_${scale}`])
    ).rowCount;
    await admin.end();
    if (!exists) {
      process.stderr.write(`No ${scale} data set yet: building it (cli bench-data --scale ${scale})…\n`);
      execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'bench-data', '--scale', scale], {
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: url, AUDIT_KEY: BENCH_AUDIT_KEY },
      });
    }
    pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
    api = await startApi(url);
    const adminToken = await api.login('admin@dondoc.local');
    const supervisorToken = await api.login('thuongtruc@dondoc.local');
    const bearer = (token) => ({ authorization: `Bearer ${token}` });
    const [{ path: provincePath }] = (
      await pool.query(
        `SELECT o.path::text AS path FROM users u JOIN organizations o ON o.id = u.organization_id
          WHERE u.email = 'thuongtruc@dondoc.local'`,
      )
    ).rows;
    const provinceRoot = provincePath.split('.')[0];
    const roots = (
      await pool.query('SELECT path::text AS path FROM organizations WHERE parent_id IS NULL')
    ).rows.map((row) => row.path);

    if (wanted('list') || wanted('rss')) {
      const body = { query: GRAPHQL_LIST, variables: { f: { timeliness: ['OVERDUE'] } } };
      // Same rows? The floor must fetch what the API shows, or the ratio means nothing.
      const ours = (await api.graphql(GRAPHQL_LIST, body.variables, supervisorToken)).allAssignments.map(
        (a) => a.id,
      );
      const floorIds = (await pool.query(FLOOR_LIST, [provinceRoot, today])).rows.map((row) => row.id);
      const same = ours.length === 25 && ours.join() === floorIds.join();
      let rssMax = 0;
      const sampler = setInterval(() => {
        rssMax = Math.max(rssMax, api.rssMb());
      }, 100);
      const http = await measureHttp({
        url: api.url,
        headers: bearer(supervisorToken),
        body,
        connections: CONNECTIONS,
        seconds: SECONDS,
      });
      clearInterval(sampler);
      const floor = await measureLoop({
        job: () => pool.query(FLOOR_LIST, [provinceRoot, today]),
        connections: CONNECTIONS,
        seconds: SECONDS,
      });
      const ratio = http.p95_ms && floor.p95_ms ? round(http.p95_ms / floor.p95_ms) : null;
      if (wanted('list')) {
        record('list', {
          p50_ms: http.p50_ms,
          p95_ms: http.p95_ms,
          rps: http.rps,
          floor_p50_ms: floor.p50_ms,
          floor_p95_ms: floor.p95_ms,
          floor_rps: floor.rps,
          ratio,
          errors: http.errors,
          same_rows_as_floor: same,
          met: same && http.errors === 0 && http.p95_ms <= 25 && http.rps >= 800 && ratio <= 2,
          ...(http.firstError ? { first_error: http.firstError } : {}),
        });
      }
      if (wanted('rss')) {
        record('rss', { rss_mb: round(rssMax, 1), p95_ms: http.p95_ms, rps: http.rps, met: rssMax <= 250 });
      }
    }

    const countsOf = (byTimeliness) =>
      Object.fromEntries(byTimeliness.filter((t) => t.count > 0).map((t) => [t.timeliness, t.count]));
    const floorCounts = async (paths) => {
      const totals = {};
      for (const row of (await pool.query(FLOOR_DASHBOARD, [paths, today])).rows) {
        totals[row.timeliness] = (totals[row.timeliness] ?? 0) + row.n;
      }
      return totals;
    };
    for (const [name, token, paths, target] of [
      ['dashboard-nation', adminToken, roots, 50],
      ['dashboard-province', supervisorToken, [provinceRoot], 20],
    ]) {
      if (!wanted(name)) continue;
      const ours = countsOf((await api.graphql(DASHBOARD, {}, token)).dashboard.byTimeliness);
      const brute = await floorCounts(paths);
      const exact =
        JSON.stringify(ours, Object.keys(ours).sort()) === JSON.stringify(brute, Object.keys(ours).sort()) &&
        Object.keys(ours).length === Object.keys(brute).length;
      const http = await measureHttp({
        url: api.url,
        headers: bearer(token),
        body: { query: DASHBOARD },
        connections: CONNECTIONS,
        seconds: SECONDS,
      });
      const floor = await measureLoop({
        job: () => pool.query(FLOOR_DASHBOARD, [paths, today]),
        connections: CONNECTIONS,
        seconds: SECONDS,
      });
      record(name, {
        p50_ms: http.p50_ms,
        p95_ms: http.p95_ms,
        rps: http.rps,
        floor_p50_ms: floor.p50_ms,
        floor_p95_ms: floor.p95_ms,
        ratio: http.p95_ms && floor.p95_ms ? round(http.p95_ms / floor.p95_ms) : null,
        errors: http.errors,
        exact_against_brute_force: exact,
        met: exact && http.errors === 0 && http.p95_ms <= target,
      });
    }

    if (wanted('search')) {
      const query = `query { allAssignments(filter: { q: "dan van" }, page: 0, perPage: 25, sortField: "dueDate", sortOrder: "ASC") {
        id dueDate status task { id text } organization { id name } } }`;
      const http = await measureHttp({
        url: api.url,
        headers: bearer(adminToken),
        body: { query },
        connections: CONNECTIONS,
        seconds: SECONDS,
      });
      const floor = await measureLoop({
        job: () => pool.query(FLOOR_SEARCH, ['%dan van%']),
        connections: CONNECTIONS,
        seconds: SECONDS,
      });
      record('search', {
        p50_ms: http.p50_ms,
        p95_ms: http.p95_ms,
        rps: http.rps,
        floor_p50_ms: floor.p50_ms,
        floor_p95_ms: floor.p95_ms,
        ratio: http.p95_ms && floor.p95_ms ? round(http.p95_ms / floor.p95_ms) : null,
        errors: http.errors,
        met: http.errors === 0 && http.p95_ms <= 50,
      });
    }

    if (wanted('report')) {
      // Each request reports on a different open assignment for the current quarter (a period
      // is reported once), so the run can be repeated until the data set runs out of them.
      const period = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
      const ids = (
        await pool.query(
          `SELECT a.id FROM assignments a
            WHERE a.status IN ('NOT_STARTED', 'IN_PROGRESS') AND a.cadence = 'QUARTERLY'
              AND NOT EXISTS (SELECT 1 FROM progress_reports r WHERE r.assignment_id = a.id AND r.period = $1)
            ORDER BY a.id LIMIT 40000`,
          [period],
        )
      ).rows.map((row) => row.id);
      let next = 0;
      const mutation = `mutation ($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) { id } }`;
      const http = await measureHttp({
        url: api.url,
        headers: bearer(adminToken),
        body: () => ({
          query: mutation,
          variables: {
            i: {
              assignmentId: ids[next++ % ids.length],
              period,
              percentComplete: 50,
              results: 'Đã triển khai theo kế hoạch.',
            },
          },
        }),
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmup: 0,
      });
      record('report', {
        p50_ms: http.p50_ms,
        p95_ms: http.p95_ms,
        rps: http.rps,
        errors: http.errors,
        met: http.errors === 0 && http.rps >= 300 && http.p95_ms <= 50,
        ...(http.firstError ? { first_error: http.firstError } : {}),
        ...(next > ids.length ? { note: 'ran out of fresh assignments: some requests were refused' } : {}),
      });
    }

    if (wanted('console')) {
      const bundle = mainChunkGzipKb();
      const cold = await coldLoadMs(api.base, 'thuongtruc@dondoc.local').catch((error) => ({
        ms: null,
        why: error.message.split('\n')[0],
      }));
      record('console', {
        p50_ms: cold.ms,
        main_chunk_gzip_kb: bundle.kb,
        met: cold.ms !== null && bundle.kb !== null && cold.ms <= 1500 && bundle.kb <= 600,
        note: [cold.why ? `cold load not measured: ${cold.why}` : null, bundle.why ?? null]
          .filter(Boolean)
          .join('; '),
      });
    }
  }
  if (api) await api.stop();
  api = null;

  if (wanted('parse')) {
    const { runParseBench } = await import('../dist/libs/ingestion/bench/parse.bench.js');
    const parse = await runParseBench({ runs: 15, print: false });
    record('parse', {
      p50_ms: round(parse.seedMs),
      seed_ms: round(parse.seedMs),
      one_mb_ms: round(parse.oneMbMs),
      chars: { seed: parse.seedChars, oneMb: parse.oneMbChars },
      met: parse.seedMs <= 20 && parse.oneMbMs <= 500,
    });
  }
  if (wanted('fanout')) {
    const result = await fanout(Number(args['fanout-runs']));
    record('fanout', {
      p50_ms: Math.round(result.seconds * 1000),
      runs: result.runs,
      note: result.detail,
      met: result.seconds <= 3,
    });
  }
  if (wanted('transitions')) {
    const result = await transitions();
    record('transitions', {
      p50_ms: Math.round(result.seconds * 1000),
      duplicates: result.duplicates,
      note: result.detail,
      met: result.seconds <= 60 && result.duplicates === 0,
    });
  }
  if (wanted('peer')) record('peer', await runPeer({ seconds: SECONDS, adminUrl: ADMIN_URL }));
} finally {
  if (api) await api.stop();
  if (pool) await pool.end();
}

const report = {
  commit,
  machine: {
    cores: cpus().length,
    load: { start: startLoad.map((x) => round(x)), end: loadavg().map((x) => round(x)) },
  },
  scale,
  today,
  seconds_per_measure: SECONDS,
  connections: CONNECTIONS,
  results,
};
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
printTable(report);
process.stdout.write(`\nFigures written to ${file}\n`);

function printTable({ results: lines, machine }) {
  const cell = (x) => (x === null || x === undefined ? '—' : String(x));
  const rows = [
    ['name', 'p50 ms', 'p95 ms', 'req/s', 'floor p95', 'ratio', 'met', 'target'],
    ...lines.map((r) => [
      r.name,
      cell(r.p50_ms),
      cell(r.p95_ms),
      cell(r.rps),
      cell(r.floor_p95_ms),
      cell(r.ratio),
      r.met ? 'yes' : 'NO',
      r.target,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  process.stdout.write(
    `\n${scale} scale, ${machine.cores} cores, load ${machine.load.start.join(' ')} → ${machine.load.end.join(' ')}\n`,
  );
  for (const row of rows) {
    process.stdout.write(
      `${row.map((value, i) => (i === row.length - 1 ? value : value.padEnd(widths[i]))).join('  ')}\n`,
    );
  }
  for (const r of lines) {
    const extra = Object.entries(r).filter(
      ([key]) =>
        !['name', 'operation', 'p50_ms', 'p95_ms', 'rps', 'floor_p95_ms', 'ratio', 'target', 'met'].includes(
          key,
        ),
    );
    process.stdout.write(
      `  ${r.name}: ${extra.map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ')}\n`,
    );
  }
}
