// `npm run soak [-- --seconds 60 --officers 50 --supervisors 5 --fault redis|api|postgres
//   --url URL --keep --json]`: the mixed work of officers and supervisors against a
// deployment, then every accepted write reconciled against the database.
//
// Without --url it starts a deployment of its own — 2 APIs and 2 workers (--apis, --workers)
// behind haproxy on a private Redis (scripts/cluster) — on a fresh database
// `dondoc_soak_<pid>` on DATABASE_ADMIN_URL's server, migrated and seeded by the command line,
// dropped at the end unless --keep. `--fault postgres` puts that database on a private
// PostgreSQL of its own instead, which it restarts mid-run. With --url, DATABASE_URL names
// that deployment's database (for the ids of the demo bodies and the reconciliation); no fault.
// Exit code 1 on an unexpected error, a missing or half-written write, or an event not relayed.
import { parseArgs } from 'node:util';

import pg from 'pg';

import { startCluster } from './cluster/index.mjs';
import { freshDatabase, SOAK_AUDIT_KEY, SOAK_JWT_SECRET } from './soak/database.mjs';
import { apiKill, postgresRestart, redisRestart } from './soak/faults.mjs';
import { startPrivatePostgres } from './soak/private-postgres.mjs';
import { passed, prepareSoak } from './soak/run.mjs';
import { formatSoak } from './soak/table.mjs';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    officers: { type: 'string', default: '50' },
    supervisors: { type: 'string', default: '5' },
    apis: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    'think-ms': { type: 'string', default: '100' },
    fault: { type: 'string' },
    url: { type: 'string' },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const fail = (message) => {
  process.stderr.write(`${message}\n`);
  process.exit(2);
};
const positive = (name) => {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1)
    fail(`--${name} must be a whole number of at least 1, not "${args[name]}"`);
  return value;
};
const seconds = positive('seconds');
const officers = positive('officers');
const supervisors = positive('supervisors');
const apis = positive('apis');
const workers = positive('workers');
const thinkMs = Number(args['think-ms']);
if (!Number.isFinite(thinkMs) || thinkMs < 0)
  fail(`--think-ms must be a number of milliseconds, not "${args['think-ms']}"`);
const fault = args.fault;
if (fault !== undefined && !['redis', 'api', 'postgres'].includes(fault)) {
  fail(`--fault must be redis, api or postgres, not "${fault}"`);
}
if (fault && args.url) fail('--fault needs a deployment of the soak’s own: leave out --url');
if (fault === 'api' && apis < 2)
  fail('--fault api needs at least 2 APIs: the balancer must have one to move to');

const log = (message) => process.stderr.write(`${message}\n`);
let privatePostgres = null;
let database = null;
let cluster = null;
let pool = null;
let result;
try {
  let url = args.url;
  let databaseUrl = process.env.DATABASE_URL;
  if (!url) {
    let adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    if (fault === 'postgres') {
      log('starting a private PostgreSQL…');
      privatePostgres = await startPrivatePostgres();
      adminUrl = privatePostgres.adminUrl;
    }
    const name = `dondoc_soak_${process.pid}`;
    log(`database ${name}: creating, migrating, seeding the demo data…`);
    database = await freshDatabase(adminUrl, name);
    databaseUrl = database.url;
    log(`starting ${apis} APIs and ${workers} workers behind haproxy, on a private Redis…`);
    cluster = await startCluster({
      databaseUrl,
      apis,
      workers,
      // The secrets the command line seeded with: one audit chain, one signing key.
      env: { JWT_SECRET: SOAK_JWT_SECRET, AUDIT_KEY: SOAK_AUDIT_KEY },
      workerEnv: { SCHEDULE_CHECK_EVERY_MS: '2000' },
    });
    url = `${cluster.url.replace(/\/+$/, '')}/graphql`;
  } else if (!databaseUrl) {
    throw new Error(
      'With --url, set DATABASE_URL to that deployment’s database: the soak reconciles against it',
    );
  }
  pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // A fault restarting the database cuts the pool's idle connections: the pool replaces them.
  pool.on('error', () => undefined);
  const soak = await prepareSoak({ url, pool, officers, supervisors });
  log(
    `seeded ${officers} officers × ${soak.people.tasks} assignments and ${supervisors} supervisors in ${soak.seedMs} ms; ` +
      `driving for ${seconds} s${fault ? ` with the fault "${fault}"` : ''}…`,
  );
  const during =
    fault === 'redis'
      ? redisRestart(cluster, { afterMs: (seconds * 1000) / 3 })
      : fault === 'api'
        ? apiKill(cluster, { afterMs: (seconds * 1000) / 3 })
        : fault === 'postgres'
          ? postgresRestart(privatePostgres, soak.client, soak.people.supervisors[0].token, {
              afterMs: (seconds * 1000) / 3,
            })
          : undefined;
  result = {
    officers,
    supervisors,
    seedMs: soak.seedMs,
    ...(await soak.drive({ seconds, thinkMs, during })),
  };
  if (fault === 'redis') {
    const { schedulersBack, ...figures } = result.fault;
    result.fault = { ...figures, schedulers: await schedulersBack };
  }
} finally {
  await pool?.end();
  await cluster?.stop();
  if (database && !args.keep) await database.drop().catch((error) => log(`could not drop: ${error.message}`));
  else if (database) log(`kept ${database.url}`);
  if (!args.keep) await privatePostgres?.stop();
}
process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatSoak(result)}\n`);
process.exitCode = passed(result) && schedulesBack(result) ? 0 : 1;

function schedulesBack(r) {
  return r.fault?.schedulers ? r.fault.schedulers.missing.length === 0 : true;
}
