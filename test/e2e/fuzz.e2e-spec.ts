import { DataSource } from 'typeorm';

import { DEMO_PASSWORD, DEMO_USERS, DemoUsers, Role } from '@dondoc/identity';
import { bootApi, Given, redisUrl, TEST_PASSWORD, type TestDatabase } from '@dondoc/test-support';

import { publishSeed } from '../browser/published-seed.js';
import { ApiUnderFuzz, type Caller } from '../support/fuzz/api-under-fuzz.js';
import type { IdPool } from '../support/fuzz/hostile-values.js';
import { generateOperations } from '../support/fuzz/operations.js';
import { fuzzSeed, Random } from '../support/fuzz/random.js';
import { describeReport, runFuzz } from '../support/fuzz/run-fuzz.js';
import { loadSchema } from '../support/fuzz/schema-walker.js';

/**
 * Hostile input cannot hurt the service (issue 13): thousands of operations derived from the
 * schema, with hostile values and malformed documents, sent as every role to the built API in
 * production mode, while another user's `{ me { id } }` must keep answering within a second.
 * FUZZ_SEED replays a run; FUZZ_OPERATIONS changes its size (5,000 by default).
 */
const SEED = fuzzSeed(process.env);
const OPERATIONS = Number(process.env.FUZZ_OPERATIONS ?? 5_000);
const JWT_SECRET = 'fuzz-secret-that-is-long-enough-for-hs256';

const demo = (role: Role) => DEMO_USERS.find((user) => user.role === role)!.email;
const CALLERS: readonly Caller[] = [
  { name: 'anonymous', email: null, password: '' },
  { name: 'ORG_OFFICER', email: demo(Role.ORG_OFFICER), password: DEMO_PASSWORD },
  { name: 'INSPECTOR', email: demo(Role.INSPECTOR), password: DEMO_PASSWORD },
  { name: 'SUPERVISOR', email: demo(Role.SUPERVISOR), password: DEMO_PASSWORD },
  { name: 'ADMIN', email: demo(Role.ADMIN), password: DEMO_PASSWORD },
];
const PROBE: Caller = { name: 'probe', email: 'fuzz.probe@test.local', password: TEST_PASSWORD };

describe('hostile input (fuzz)', () => {
  let database: TestDatabase | undefined;
  let api: ApiUnderFuzz | undefined;
  let pool: IdPool;

  beforeAll(async () => {
    // The world, through the product's own services: Kon Tum's bodies and another province,
    // the demo users, a probe user of its own, the seed report published.
    const world = await bootApi();
    database = world.database;
    try {
      const given = new Given(world.app);
      const konTum = await given.konTum();
      await given.otherProvince();
      await world.app.get(DemoUsers).ensure();
      const probe = await given.user(Role.ORG_OFFICER, konTum.get('kt.pn')!, PROBE.email!);
      await publishSeed(world, konTum, { dueDate: '2027-06-30', shortDueDate: '2026-12-31' });
      pool = await idPool(world.app.get(DataSource), [...DEMO_USERS.map((user) => user.email), probe.email]);
    } finally {
      await world.app.close();
    }
    api = new ApiUnderFuzz(
      {
        DATABASE_URL: world.database.url,
        REDIS_URL: redisUrl(),
        JWT_SECRET,
        NODE_ENV: 'production',
        LOG_LEVEL: 'error',
      },
      [...CALLERS, PROBE],
    );
    await api.start();
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await database?.drop();
  });

  it(`answers ${OPERATIONS} hostile operations as every role without a 5xx, an internal error or a leak, and keeps answering others`, async () => {
    const operations = generateOperations(loadSchema(), new Random(SEED), pool, OPERATIONS);
    expect(operations.length).toBe(OPERATIONS);
    const report = await runFuzz(api!, operations, CALLERS, PROBE, {
      concurrency: Number(process.env.FUZZ_CONCURRENCY ?? 4),
      requestTimeoutMs: 6_000,
      probeBudgetMs: 1_000,
      probeEvery: 100,
      hazardsPerClass: 3,
      slowMs: 2_000,
    });
    const summary = [
      describeReport(report, SEED, api!.restarts),
      ...api!.deaths.map((death) => `  ✗ the API was replaced: ${death}`),
    ].join('\n');
    process.stdout.write(`${summary}\n`);
    expect({
      failures: report.failures.length,
      slowProbes: report.probeFailures.length,
      lostCallers: [...api!.lostCallers],
      // Skipping follows only stalls and slow answers; a passing run must have sent everything.
      skipped: report.skipped,
      summary,
    }).toEqual({ failures: 0, slowProbes: 0, lostCallers: [], skipped: 0, summary });
  }, 900_000);
});

/** Real ids of every kind, minus the harness's users and their bodies (never changed by the fuzz). */
async function idPool(dataSource: DataSource, protectedEmails: string[]): Promise<IdPool> {
  const guarded = (await dataSource.query('SELECT id, organization_id FROM users WHERE email = ANY($1)', [
    protectedEmails,
  ])) as { id: string; organization_id: string }[];
  const never = new Set(guarded.flatMap((row) => [row.id, row.organization_id]));
  const byType: Record<string, string[]> = {};
  for (const entity of dataSource.entityMetadatas) {
    if (!entity.primaryColumns.some((column) => column.propertyName === 'id')) continue;
    const rows = (await dataSource.query(`SELECT id::text AS id FROM "${entity.tableName}" LIMIT 40`)) as {
      id: string;
    }[];
    byType[entity.name] = rows.map((row) => row.id).filter((id) => !never.has(id));
  }
  return { safe: Object.values(byType).flat(), byType };
}
