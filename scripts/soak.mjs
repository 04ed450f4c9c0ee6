// `npm run soak [-- --seconds 60 --officers 50 --supervisors 5 --url URL --keep --json]`:
// the mixed work of officers and supervisors against a deployment, then every accepted
// write reconciled against the database. Without --url it starts a deployment of its own
// on a fresh database `dondoc_soak_<pid>` (DATABASE_ADMIN_URL's server), dropped at the end
// unless --keep. With --url, DATABASE_URL names that deployment's database (for seeding ids
// and the reconciliation). Exit code 1 on an unexpected error or a missing write.
import { parseArgs } from 'node:util';

import pg from 'pg';

import { freshDatabase } from './soak/database.mjs';
import { startLocalDeployment } from './soak/local-deployment.mjs';
import { passed, prepareSoak } from './soak/run.mjs';
import { formatSoak } from './soak/table.mjs';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    officers: { type: 'string', default: '50' },
    supervisors: { type: 'string', default: '5' },
    'think-ms': { type: 'string', default: '100' },
    url: { type: 'string' },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const positive = (name) => {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name} must be a whole number of at least 1, not "${args[name]}"\n`);
    process.exit(2);
  }
  return value;
};
const seconds = positive('seconds');
const officers = positive('officers');
const supervisors = positive('supervisors');
const thinkMs = Number(args['think-ms']);

const log = (message) => process.stderr.write(`${message}\n`);
let database = null;
let deployment = null;
let pool = null;
let result;
try {
  let url = args.url;
  let databaseUrl = process.env.DATABASE_URL;
  if (!url) {
    const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `dondoc_soak_${process.pid}`;
    log(`database ${name}: creating, migrating, seeding the demo data…`);
    database = await freshDatabase(adminUrl, name);
    databaseUrl = database.url;
    log('starting the deployment…');
    deployment = await startLocalDeployment({ databaseUrl });
    url = deployment.url;
  } else if (!databaseUrl) {
    throw new Error(
      'With --url, set DATABASE_URL to that deployment’s database: the soak reconciles against it',
    );
  }
  pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const soak = await prepareSoak({ url, pool, officers, supervisors });
  log(
    `seeded ${officers} officers × ${soak.people.tasks} assignments and ${supervisors} supervisors in ${soak.seedMs} ms; driving for ${seconds} s…`,
  );
  result = { officers, supervisors, seedMs: soak.seedMs, ...(await soak.drive({ seconds, thinkMs })) };
} finally {
  await pool?.end();
  await deployment?.stop();
  if (database && !args.keep) await database.drop();
  else if (database) log(`kept ${database.url}`);
}
process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatSoak(result)}\n`);
process.exitCode = passed(result) ? 0 : 1;
