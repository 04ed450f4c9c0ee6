import pg from 'pg';

import {
  compactTallies,
  DEFAULT_WARNING_DAYS,
  timelinessColumnsOf,
  timelinessSql,
} from '@dondoc/assignments';
import { DEMO_PASSWORD, hashPassword } from '@dondoc/identity';
import { type CalendarDay, runMigrations } from '@dondoc/platform';

import { type BenchProvince, buildOrganizations } from './bench-organizations.js';
import {
  ASSIGNMENT_COLUMNS,
  AUDIT_COLUMNS,
  DOCUMENT_COLUMNS,
  REPORT_COLUMNS,
  TASK_COLUMNS,
  writeWork,
} from './bench-rows.js';
import { type BenchScale, expectedCounts } from './bench-scale.js';
import { benchUsers } from './bench-users.js';
import { copyLine, textArray } from './copy-text.js';
import { CopyWriter } from './copy-writer.js';
import { DeferredConstraints } from './deferred-constraints.js';
import { ProgressBar } from './progress-bar.js';
import { SeededRandom } from './seeded-random.js';

export interface BenchDataOptions {
  /** The database to (re)create, e.g. postgres://postgres@127.0.0.1:5432/dondoc_bench_nation. */
  url: string;
  scale: BenchScale;
  seed: number;
  today: CalendarDay;
  progress?: ProgressBar;
}

export interface BenchDataSummary {
  database: string;
  scale: string;
  seed: number;
  today: CalendarDay;
  counts: Record<string, number>;
  byTimeliness: Record<string, number>;
  /** Of the open work (not completed, not cancelled), the share that is OVERDUE. */
  openOverdueShare: number;
  /** Seconds per phase, and in all. */
  seconds: Record<string, number>;
}

/** The tables the load fills; their keys and indexes are taken off for it. */
const LOADED_TABLES = [
  'organizations',
  'users',
  'documents',
  'tasks',
  'assignments',
  'progress_reports',
  'audit_events',
];

/**
 * Creates (or recreates) the database, runs the migrations and fills it with COPY:
 * organizations, users, documents, tasks, assignments, progress reports and the audit
 * trail; then rebuilds keys and indexes, and analyzes. Deterministic for a seed and a day.
 */
export async function loadBenchData(options: BenchDataOptions): Promise<BenchDataSummary> {
  const progress = options.progress ?? new ProgressBar();
  const seconds: Record<string, number> = {};
  const started = performance.now();
  let phaseStarted = started;
  const phase = (name: string) => {
    const now = performance.now();
    seconds[name] = Math.round(now - phaseStarted) / 1000;
    phaseStarted = now;
  };

  const target = new URL(options.url);
  const database = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) {
    throw new Error(`The bench database name "${database}" must be lower-case letters, digits and _`);
  }
  const maintenance = new URL(options.url);
  maintenance.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  progress.note(`Database ${database} created on ${target.host}; migrating…`);
  await runMigrations(options.url);
  phase('create and migrate');

  const clients = await Promise.all(
    [0, 1, 2, 3, 4].map(async () => {
      const client = new pg.Client({ connectionString: options.url, application_name: 'dondoc-bench-data' });
      await client.connect();
      // Bulk load: no waiting for the WAL flush at commit; big sorts for the index builds.
      await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'");
      return client;
    }),
  );
  const [main] = clients as [pg.Client, ...pg.Client[]];
  try {
    const deferred = new DeferredConstraints(LOADED_TABLES);
    await deferred.takeOff(main);

    const random = new SeededRandom(options.seed);
    const provinces = buildOrganizations(random, options.scale.provinces, options.scale.organizations);
    await copyOrganizations(main, provinces);
    const users = benchUsers(random, provinces, await hashPassword(DEMO_PASSWORD));
    const userWriter = new CopyWriter(main, 'users', [
      'id',
      'email',
      'name',
      'organization_id',
      'roles',
      'locale',
      'password_hash',
      'active',
    ]);
    for (const user of users.rows) {
      await userWriter.write(
        copyLine([
          user.id,
          user.email,
          user.name,
          user.organizationId,
          textArray([user.role]),
          'vi',
          user.passwordHash,
          true,
        ]),
      );
    }
    await userWriter.end();
    phase('organizations and users');

    const expected = expectedCounts(options.scale);
    const [, c1, c2, c3, c4] = clients as [pg.Client, pg.Client, pg.Client, pg.Client, pg.Client];
    const writers = {
      documents: new CopyWriter(main, 'documents', DOCUMENT_COLUMNS),
      tasks: new CopyWriter(c1, 'tasks', TASK_COLUMNS),
      assignments: new CopyWriter(c2, 'assignments', ASSIGNMENT_COLUMNS),
      progressReports: new CopyWriter(c3, 'progress_reports', REPORT_COLUMNS),
      auditEvents: new CopyWriter(c4, 'audit_events', AUDIT_COLUMNS),
    };
    await writeWork(random, options.scale, provinces, users.publishers, options.today, writers, (done) =>
      progress.update('assignments', done, expected.assignments),
    );
    await Promise.all(Object.values(writers).map((writer) => writer.end()));
    progress.done();
    phase('copy');

    await deferred.putBack(clients.slice(0, 2), (done, total) =>
      progress.update('keys and indexes', done, total),
    );
    progress.done();
    phase('keys and indexes');

    // The triggers tallied the rows on each loading connection's stripe; the worker folds
    // stripes hourly, and a data set measured before that would read them all.
    await compactTallies({ query: async (sql: string) => (await main.query(sql)).rows });
    await main.query('VACUUM (ANALYZE) assignment_tallies, assignment_tally_totals');
    phase('tallies folded');

    await Promise.all(
      LOADED_TABLES.map((table, i) =>
        (clients[i % clients.length] as pg.Client).query(`VACUUM (ANALYZE) ${table}`),
      ),
    );
    await main.query('ANALYZE');
    phase('vacuum and analyze');

    const summary = await summarize(main, options, database);
    seconds.total = Math.round(performance.now() - started) / 1000;
    return { ...summary, seconds };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

async function copyOrganizations(client: pg.Client, provinces: readonly BenchProvince[]): Promise<void> {
  const writer = new CopyWriter(client, 'organizations', [
    'id',
    'key',
    'name',
    'short_name',
    'kind',
    'level',
    'parent_id',
    'path',
    'aliases',
    'active',
  ]);
  for (const province of provinces) {
    // Parents before children is not needed (no foreign keys during the load), but keeps ids readable.
    for (const body of province.bodies) {
      await writer.write(
        copyLine([
          body.id,
          body.key,
          body.name,
          body.shortName,
          body.kind,
          body.level,
          body.parentId,
          body.path,
          textArray(body.shortName ? [body.shortName] : []),
          true,
        ]),
      );
    }
  }
  await writer.end();
}

async function summarize(
  client: pg.Client,
  options: BenchDataOptions,
  database: string,
): Promise<Omit<BenchDataSummary, 'seconds'>> {
  const counts: Record<string, number> = {};
  for (const table of LOADED_TABLES) {
    counts[table] = Number((await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
  }
  const timeliness = timelinessSql(timelinessColumnsOf('a'), {
    today: '$1',
    warningDays: '$2',
    against: 'current',
  });
  const rows = (
    await client.query<{ timeliness: string; n: number }>(
      `SELECT ${timeliness} AS timeliness, count(*)::int AS n FROM assignments a GROUP BY 1 ORDER BY 1`,
      [options.today, DEFAULT_WARNING_DAYS],
    )
  ).rows;
  const byTimeliness = Object.fromEntries(rows.map((row) => [row.timeliness, row.n]));
  const open =
    (
      await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM assignments WHERE status IN ('NOT_STARTED','IN_PROGRESS','COMPLETION_REQUESTED')`,
      )
    ).rows[0]?.n ?? 0;
  return {
    database,
    scale: options.scale.name,
    seed: options.seed,
    today: options.today,
    counts,
    byTimeliness,
    openOverdueShare: open === 0 ? 0 : (byTimeliness.OVERDUE ?? 0) / open,
  };
}
