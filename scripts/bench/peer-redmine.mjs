// The peer: Redmine 5 from Debian (../shared/peers/redmine.sh) against our equivalent list —
// open overdue work, 25 a page, with its total — over a 2,000-assignment data set, measured
// alternately (Redmine, us, Redmine, us…) at the peer's connection count, so both see the
// same machine in the same minutes. The figure is the ratio of throughputs.
//
// Redmine's /issues.json computes `total_count` on every request, so our side sends the page
// and its count in one request, as the console does (console-queries.mjs). Redmine lists one
// assignee's issues (here a full page: 25 of 64). Our one assignee login of the peer set
// (phunu@, ORG_OFFICER) has no overdue work there, and its empty page flattered us, so our
// side is the province supervisor's list (thuongtruc@): a full page of 25 and the province's
// total. Both sides' rows and totals are recorded with the figures.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

import pg from 'pg';

import { BENCH_AUDIT_KEY, BENCH_SECRET, startApi } from './api-process.mjs';
import { OVERDUE_FILTER, consoleListBody } from './console-queries.mjs';
import { measureHttp, round } from './measure.mjs';

const run = promisify(execFile);
// `../shared` beside the main checkout (a git worktree elsewhere finds it through git).
const checkout = dirname(
  execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
    encoding: 'utf8',
  }).trim(),
);
const SCRIPT = resolve(process.env.PEER_SCRIPT ?? join(checkout, '../shared/peers/redmine.sh'));
const OURS = consoleListBody(OVERDUE_FILTER);

async function redmine(command, env = {}) {
  const { stdout, stderr } = await run('bash', [SCRIPT, command], {
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
    timeout: 60 * 60 * 1000,
  });
  return { stdout, stderr };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function runPeer({ seconds = 10, rounds = 3, adminUrl }) {
  if (!existsSync(SCRIPT)) return { met: false, note: `not measured: ${SCRIPT} is missing` };
  try {
    await redmine('install');
  } catch (error) {
    return {
      met: false,
      note: `not measured: redmine.sh install failed: ${(error.stderr || error.message).trim().split('\n').slice(-3).join(' | ')}`,
    };
  }
  const admin =
    adminUrl ?? process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = new URL(admin);
  url.pathname = '/dondoc_bench_peer';
  // A fresh 2,000-assignment set each time, like the peer's FRESH=1.
  execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'bench-data', '--scale', 'peer'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    // On the bench's server; the CLI refuses a DATABASE_URL without a JWT_SECRET.
    env: { ...process.env, DATABASE_URL: admin, JWT_SECRET: BENCH_SECRET, AUDIT_KEY: BENCH_AUDIT_KEY },
  });
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const assignments = (await client.query('SELECT count(*)::int AS n FROM assignments')).rows[0].n;
  await client.end();

  await redmine('reset');
  await redmine('seed', { N: '2000' });
  const api = await startApi(url.toString());
  const ours = [];
  const theirs = [];
  let page;
  try {
    const token = await api.login('thuongtruc@dondoc.local');
    const answer = await api.request(OURS, token);
    page = { rows: answer.items.length, total: answer.total.count };
    if (page.rows === 0) throw new Error('our page is empty: the comparison would flatter us');
    for (let r = 0; r < rounds; r++) {
      const { stdout } = await redmine('bench', { CONNS: '1', DURATION: String(seconds) });
      const value = (key) => Number(new RegExp(`^${key}=([\\d.]+)`, 'm').exec(stdout)?.[1] ?? NaN);
      theirs.push({
        rps: value('list_c1_rps'),
        p50_ms: value('list_c1_p50_ms'),
        rows: value('list_rows'),
        total_count: value('list_total_count'),
      });
      const http = await measureHttp({
        url: api.url,
        headers: { authorization: `Bearer ${token}` },
        body: OURS,
        connections: 1,
        seconds,
      });
      ours.push({ rps: http.rps, p50_ms: http.p50_ms, p95_ms: http.p95_ms, errors: http.errors });
    }
  } finally {
    await api.stop();
    await redmine('stop').catch(() => undefined);
  }
  const ourRps = median(ours.map((x) => x.rps));
  const theirRps = median(theirs.map((x) => x.rps));
  const ratio = round(ourRps / theirRps, 1);
  return {
    p50_ms: median(ours.map((x) => x.p50_ms)),
    p95_ms: median(ours.map((x) => x.p95_ms)),
    rps: ourRps,
    peer_rps: theirRps,
    peer_p50_ms: median(theirs.map((x) => x.p50_ms)),
    ratio,
    assignments,
    // What each side's page holds: rows and the total it counted (each data set its own).
    rows: page?.rows ?? null,
    total: page?.total ?? null,
    peer_rows: theirs[0]?.rows ?? null,
    peer_total_count: theirs[0]?.total_count ?? null,
    rounds: { ours, redmine: theirs },
    met: ours.every((x) => x.errors === 0) && ratio >= 50,
    note: 'ratio = our req/s ÷ Redmine req/s, 1 connection, alternating rounds, medians; ours = page and count in one request',
  };
}
