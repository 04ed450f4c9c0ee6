// `npm run bench [-- --scale nation|province] [--only NAME[,NAME]] [--seconds N] [--peer redmine]`:
// measures every line of QUALITY.md "Speed" against a bench data set (`cli bench-data`),
// each GraphQL read beside its floor (the same rows, and the same count where the console asks
// for one, by one hand-written SQL statement over `pg`, same connection count, same session
// settings as the API's), with the checks that make the ratio mean something (same rows, same
// count, exact against a brute-force COUNT), and prints a table; the figures go to
// bench/results/<time>.json. Before measuring, it says whether the committed plans under
// bench/plans/<scale> still show the statements the API sends (`--skip-plans-check` not to).
// Benchmarks print figures: nothing here fails on a slow machine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { BENCH_AUDIT_KEY, BENCH_SECRET, startApi } from './bench/api-process.mjs';
import { fanout, transitions } from './bench/child-benches.mjs';
import { coldLoadMs, mainChunkGzipKb } from './bench/console-load.mjs';
import {
  DASHBOARD,
  GRAPHQL_LIST_ROWS_ONLY,
  OVERDUE_FILTER,
  SEARCH_FILTER,
  consoleListBody,
} from './bench/console-queries.mjs';
import {
  FLOOR_DASHBOARD,
  FLOOR_DASHBOARD_BRUTE,
  FLOOR_LIST,
  FLOOR_LIST_COUNT_BRUTE,
  FLOOR_LIST_WITH_COUNT,
  FLOOR_SEARCH,
} from './bench/floor-sql.mjs';
import { stalePlans } from './bench/hot-plans.mjs';
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
    'skip-plans-check': { type: 'boolean', default: false },
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
      "assignment list page as the console sends it (page and count in one request): one province's subtree, OVERDUE, by due date, 25 rows with task, organization and document, and the total",
    target:
      'p95 ≤ 25 ms; ≥ 800 req/s at 8 connections; ≤ 2× the same page and count as one raw SQL statement over `pg`',
  },
  'list-rows-only': {
    operation:
      'the same page without its count, as this line was measured before (25 rows with task and organization)',
    target: 'for comparison with earlier runs (the list target applies to the line above)',
  },
  'dashboard-nation': {
    operation:
      'dashboard, whole nation, exact counts (floor: the tallies read by one hand-written query; checked against a brute-force COUNT)',
    target: 'p95 ≤ 50 ms',
  },
  'dashboard-nation-brute': {
    operation: 'dashboard, whole nation, against a brute-force COUNT over every row (the old floor)',
    target: 'exact; for comparison with earlier runs',
  },
  'dashboard-province': {
    operation: 'dashboard, one province (floor: the tallies read by one hand-written query)',
    target: 'p95 ≤ 20 ms',
  },
  search: {
    operation:
      'diacritics-insensitive search ("dan van" over 1 M assignments), page and count in one request as the console sends it',
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
    operation:
      'the same filtered list, page and count in one request, as an established tracker (../shared/peers/redmine.sh: /issues.json, which counts every time)',
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
/** The lines whose requests have committed plans (console-queries.mjs HOT). */
const HOT_LINES = ['list', 'list-rows-only', 'dashboard-nation', 'dashboard-province', 'search'];
let plansCheck = null;

const startLoad = loadavg();
const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
const scale = args.scale;
const url = databaseUrl(scale);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

const needsData = [
  'list',
  'list-rows-only',
  'dashboard-nation',
  'dashboard-nation-brute',
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
        // The CLI refuses a DATABASE_URL without a JWT_SECRET; these are the bench API's own.
        env: { ...process.env, DATABASE_URL: url, JWT_SECRET: BENCH_SECRET, AUDIT_KEY: BENCH_AUDIT_KEY },
      });
    }
    if (!args['skip-plans-check'] && HOT_LINES.some(wanted)) {
      const plans = await stalePlans(url, scale);
      plansCheck = plans;
      process.stderr.write(
        plans.stale.length > 0
          ? `plans stale: ${plans.stale.join(', ')} — run npm run bench:plans -- --scale ${scale}\n`
          : `plans current: bench/plans/${scale} shows the statements the API sends (${plans.checked.length} requests)\n`,
      );
    }
    // The floor's sessions run as the API's do (libs/platform data-source-options.ts:
    // serialQueries), so neither side has parallel workers the other lacks.
    pool = new pg.Pool({
      connectionString: url,
      max: CONNECTIONS,
      options: '-c max_parallel_workers_per_gather=0',
    });
    api = await startApi(url);
    const adminToken = await api.login('admin@dondoc.local');
    const supervisorToken = await api.login('thuongtruc@dondoc.local');
    const bearer = (token) => ({ authorization: `Bearer ${token}` });
    const [{ path: provincePath, id: supervisorOrganization }] = (
      await pool.query(
        `SELECT o.path::text AS path, o.id FROM users u JOIN organizations o ON o.id = u.organization_id
          WHERE u.email = 'thuongtruc@dondoc.local'`,
      )
    ).rows;
    const provinceRoot = provincePath.split('.')[0];
    const roots = (
      await pool.query('SELECT path::text AS path FROM organizations WHERE parent_id IS NULL')
    ).rows.map((row) => row.path);

    /**
     * Ours (HTTP) and the floor (pg), one after the other, at the same connection count. A
     * request too slow to give MIN_ANSWERS answers in the window at that count (the search,
     * which counts every match) is measured again, both sides, at one connection over a longer
     * window, and says so (`connections`, `note`), rather than print no figure.
     */
    const MIN_ANSWERS = 20;
    const measurePair = async ({ token, body, floor }) => {
      const both = async (connections, seconds) => ({
        http: await measureHttp({ url: api.url, headers: bearer(token), body, connections, seconds }),
        sql: await measureLoop({ job: floor, connections, seconds }),
      });
      let connections = CONNECTIONS;
      let { http, sql } = await both(connections, SECONDS);
      let note = null;
      if (http.requests < MIN_ANSWERS) {
        note = `${http.requests} answer(s) in ${SECONDS} s at ${CONNECTIONS} connections (in-flight ones are not counted): measured at 1 connection over ${Math.max(SECONDS, 20)} s instead`;
        connections = 1;
        ({ http, sql } = await both(connections, Math.max(SECONDS, 20)));
      }
      return {
        connections,
        ...(note ? { note } : {}),
        p50_ms: http.p50_ms,
        p95_ms: http.p95_ms,
        rps: http.rps,
        floor_p50_ms: sql.p50_ms,
        floor_p95_ms: sql.p95_ms,
        floor_rps: sql.rps,
        ratio: http.p95_ms && sql.p95_ms ? round(http.p95_ms / sql.p95_ms) : null,
        requests: http.requests,
        floor_requests: sql.requests,
        errors: http.errors,
        ...(http.firstError ? { first_error: http.firstError } : {}),
      };
    };
    /** No errors, and answers at all: `null <= 50` is true in JavaScript, a run with no answer is not. */
    const answered = (pair) => pair.errors === 0 && pair.requests > 0;
    /** A page-and-count floor's rows: the ids of the page and the total (on every row). */
    const pageOf = (rows) => ({
      ids: rows.filter((row) => row.id !== null).map((row) => row.id),
      total: rows[0]?.total ?? null,
    });

    if (wanted('list') || wanted('rss')) {
      // The page as the console sends it: rows and count in one request.
      const body = consoleListBody(OVERDUE_FILTER);
      const floorParams = [provinceRoot, today, provinceRoot, supervisorOrganization];
      const answer = await api.request(body, supervisorToken);
      const ours = answer.items;
      const ourTotal = answer.total.count;
      const floorPage = pageOf((await pool.query(FLOOR_LIST_WITH_COUNT, floorParams)).rows);
      const brute = (await pool.query(FLOOR_LIST_COUNT_BRUTE, [provinceRoot, today])).rows[0].count;
      // Same rows and same count? The floor must fetch what the API shows, or the ratio means nothing.
      const sameRows = ours.length === 25 && ours.map((a) => a.id).join() === floorPage.ids.join();
      const sameCount = ourTotal === floorPage.total;
      const countExact = floorPage.total === brute;
      let rssMax = 0;
      const sampler = setInterval(() => {
        rssMax = Math.max(rssMax, api.rssMb());
      }, 100);
      const pair = await measurePair({
        token: supervisorToken,
        body,
        floor: () => pool.query(FLOOR_LIST_WITH_COUNT, floorParams),
      });
      clearInterval(sampler);
      if (wanted('list')) {
        record('list', {
          ...pair,
          total: ourTotal,
          floor_total: floorPage.total,
          brute_force_total: brute,
          same_rows_as_floor: sameRows,
          same_count_as_floor: sameCount,
          count_exact_against_brute_force: countExact,
          floor_note:
            'one statement: the page and the total from the tallies (as the product counts), two CTEs',
          met:
            sameRows &&
            sameCount &&
            countExact &&
            answered(pair) &&
            pair.p95_ms <= 25 &&
            pair.rps >= 800 &&
            pair.ratio <= 2,
        });
      }
      if (wanted('rss')) {
        record('rss', {
          rss_mb: round(rssMax, 1),
          p95_ms: pair.p95_ms,
          rps: pair.rps,
          note: 'under the list line load (page and count)',
          met: rssMax <= 250,
        });
      }
    }

    if (wanted('list-rows-only')) {
      const variables = { f: OVERDUE_FILTER };
      const ours = (await api.graphql(GRAPHQL_LIST_ROWS_ONLY, variables, supervisorToken)).allAssignments;
      const floorIds = (await pool.query(FLOOR_LIST, [provinceRoot, today])).rows.map((row) => row.id);
      const sameRows = ours.length === 25 && ours.map((a) => a.id).join() === floorIds.join();
      const pair = await measurePair({
        token: supervisorToken,
        body: { query: GRAPHQL_LIST_ROWS_ONLY, variables },
        floor: () => pool.query(FLOOR_LIST, [provinceRoot, today]),
      });
      record('list-rows-only', {
        ...pair,
        same_rows_as_floor: sameRows,
        met: sameRows && answered(pair) && pair.p95_ms <= 25 && pair.rps >= 800 && pair.ratio <= 2,
      });
    }

    // Dashboard counts as {timeliness: count}, zeros left out, so any two sources compare.
    const countsOf = (byTimeliness) =>
      Object.fromEntries(byTimeliness.filter((t) => t.count > 0).map((t) => [t.timeliness, t.count]));
    const summed = (rows) => {
      const totals = {};
      for (const row of rows) {
        if (row.n !== 0) totals[row.timeliness] = (totals[row.timeliness] ?? 0) + row.n;
      }
      return totals;
    };
    const sameCounts = (a, b) => Object.keys({ ...a, ...b }).every((key) => (a[key] ?? 0) === (b[key] ?? 0));
    const dashboards = {
      'dashboard-nation': { token: adminToken, paths: roots, provinces: null, target: 50 },
      'dashboard-province': {
        token: supervisorToken,
        paths: [provinceRoot],
        provinces: [provinceRoot],
        target: 20,
      },
    };
    let nationFigures = null;
    for (const [name, { token, paths, provinces, target }] of Object.entries(dashboards)) {
      const brutePair = name === 'dashboard-nation' && wanted('dashboard-nation-brute');
      if (!wanted(name) && !brutePair) continue;
      const answer = (await api.graphql(DASHBOARD, {}, token)).dashboard;
      const ours = countsOf(answer.byTimeliness);
      const tallied = summed((await pool.query(FLOOR_DASHBOARD, [today, provinces])).rows);
      const brute = summed((await pool.query(FLOOR_DASHBOARD_BRUTE, [paths, today])).rows);
      const checks = {
        counts: ours,
        same_counts_as_floor: sameCounts(ours, tallied),
        exact_against_brute_force: sameCounts(ours, brute) && sameCounts(tallied, brute),
        total_is_sum: answer.total === Object.values(ours).reduce((sum, count) => sum + count, 0),
      };
      if (!wanted(name)) {
        nationFigures = { checks };
        continue;
      }
      const pair = await measurePair({
        token,
        body: { query: DASHBOARD },
        floor: () => pool.query(FLOOR_DASHBOARD, [today, provinces]),
      });
      nationFigures = name === 'dashboard-nation' ? { pair, checks } : nationFigures;
      record(name, {
        ...pair,
        ...checks,
        floor_note:
          'the read model the product reads (a province: its tallies; the nation: the folded totals and the stripes since), summed by timeliness, one hand-written query',
        met:
          checks.same_counts_as_floor &&
          checks.exact_against_brute_force &&
          checks.total_is_sum &&
          answered(pair) &&
          pair.p95_ms <= target,
      });
    }
    if (wanted('dashboard-nation-brute')) {
      // The API's figures of the nation line (measured again only if that line was not run)
      // against the brute-force COUNT as floor: the old dashboard ratio, for comparison.
      const ours =
        nationFigures.pair ??
        (await measureHttp({
          url: api.url,
          headers: bearer(adminToken),
          body: { query: DASHBOARD },
          connections: CONNECTIONS,
          seconds: SECONDS,
        }));
      const brute = await measureLoop({
        job: () => pool.query(FLOOR_DASHBOARD_BRUTE, [roots, today]),
        connections: CONNECTIONS,
        seconds: SECONDS,
      });
      record('dashboard-nation-brute', {
        p50_ms: ours.p50_ms,
        p95_ms: ours.p95_ms,
        rps: ours.rps,
        floor_p50_ms: brute.p50_ms,
        floor_p95_ms: brute.p95_ms,
        floor_rps: brute.rps,
        ratio: ours.p95_ms && brute.p95_ms ? round(ours.p95_ms / brute.p95_ms) : null,
        errors: ours.errors,
        exact_against_brute_force: nationFigures.checks.exact_against_brute_force,
        floor_note: 'brute-force COUNT over every assignment, grouped by organization and timeliness',
        met: nationFigures.checks.exact_against_brute_force && ours.errors === 0 && ours.requests > 0,
      });
    }

    if (wanted('search')) {
      // As the console's search box sends it: the list filtered by q, page and count together.
      const body = consoleListBody(SEARCH_FILTER);
      const pattern = '%dan van%'; // containsPattern('dan van'): folded, LIKE's wildcards escaped
      const answer = await api.request(body, adminToken);
      const floorPage = pageOf((await pool.query(FLOOR_SEARCH, [pattern, today])).rows);
      const sameRows =
        answer.items.length === 25 && answer.items.map((a) => a.id).join() === floorPage.ids.join();
      const sameCount = answer.total.count === floorPage.total;
      const pair = await measurePair({
        token: adminToken,
        body,
        floor: () => pool.query(FLOOR_SEARCH, [pattern, today]),
      });
      record('search', {
        ...pair,
        total: answer.total.count,
        floor_total: floorPage.total,
        same_rows_as_floor: sameRows,
        same_count_as_floor: sameCount,
        floor_note:
          'one statement: the page and the count of every match (two disjoint counts, as the product counts), two CTEs',
        met: sameRows && sameCount && answered(pair) && pair.p95_ms <= 50,
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
        met: http.errors === 0 && http.requests > 0 && http.rps >= 300 && http.p95_ms <= 50,
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
  if (wanted('peer')) {
    // A failure of the peer's set-up is a line not measured, not the loss of every figure above.
    const peer = await runPeer({ seconds: SECONDS, adminUrl: ADMIN_URL }).catch((error) => ({
      met: false,
      note: `not measured: ${
        String(error.stderr || error.message)
          .trim()
          .split('\n')[0]
      }`,
    }));
    record('peer', peer);
  }
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
  plans: plansCheck,
  results,
};
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
printTable(report);
process.stdout.write(`\nFigures written to ${file}\n`);

function printTable({ results: lines, machine, plans }) {
  const cell = (x) => (x === null || x === undefined ? '—' : String(x));
  const CHECKS = {
    same_rows_as_floor: 'rows',
    same_count_as_floor: 'count',
    same_counts_as_floor: 'counts',
    count_exact_against_brute_force: 'exact',
    exact_against_brute_force: 'exact',
  };
  /** The line's checks in short: `rows=yes count=yes exact=yes` (— when it has none). */
  const checksOf = (r) =>
    Object.entries(CHECKS)
      .filter(([key]) => key in r)
      .map(([key, label]) => `${label}=${r[key] ? 'yes' : 'NO'}`)
      .join(' ') || '—';
  const SHOWN = ['p50_ms', 'p95_ms', 'rps', 'floor_p50_ms', 'floor_p95_ms', 'floor_rps', 'ratio'];
  const rows = [
    [
      'name',
      'p50 ms',
      'p95 ms',
      'req/s',
      'floor p50',
      'floor p95',
      'floor req/s',
      'ratio',
      'checks',
      'met',
      'target',
    ],
    ...lines.map((r) => [
      r.name,
      ...SHOWN.map((key) => cell(r[key])),
      checksOf(r),
      r.met ? 'yes' : 'NO',
      r.target,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  process.stdout.write(
    `\n${scale} scale, ${machine.cores} cores, load ${machine.load.start.join(' ')} → ${machine.load.end.join(' ')}\n`,
  );
  if (plans) {
    process.stdout.write(
      plans.stale.length > 0
        ? `plans stale: ${plans.stale.join(', ')} — run npm run bench:plans -- --scale ${scale}\n`
        : `plans current (${plans.checked.length} requests checked against bench/plans/${scale})\n`,
    );
  }
  for (const row of rows) {
    process.stdout.write(
      `${row.map((value, i) => (i === row.length - 1 ? value : value.padEnd(widths[i]))).join('  ')}\n`,
    );
  }
  for (const r of lines) {
    const extra = Object.entries(r).filter(
      ([key]) => !['name', 'operation', ...SHOWN, 'target', 'met'].includes(key),
    );
    process.stdout.write(
      `  ${r.name}: ${extra.map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ')}\n`,
    );
  }
}
