import { type ChildProcess, spawn } from 'node:child_process';

import pg from 'pg';

/** Who the server runs as: nobody in particular (the caller), or `postgres` when we are root. */
export interface RunAs {
  uid?: number;
  gid?: number;
}

export interface InitdbOptions {
  initdb: string;
  clusterDir: string;
  user: string;
  /** A file holding the superuser's password, readable by `runAs`. */
  passwordFile: string;
  flags: string[];
  runAs: RunAs;
  log: (message: string) => void;
}

/**
 * Creates the cluster. Every way the child can fail (it cannot be spawned, EACCES from a
 * folder the `postgres` user cannot enter; it exits non-zero) is a rejected promise, never
 * an 'error' event left for the process to die of.
 */
export async function runInitdb(options: InitdbOptions): Promise<void> {
  const child = spawn(
    options.initdb,
    [
      `--pgdata=${options.clusterDir}`,
      '--auth=password',
      `--username=${options.user}`,
      `--pwfile=${options.passwordFile}`,
      // In English whatever the machine's locale: PostgreSQL's last words end up in our errors.
      '--lc-messages=C',
      ...options.flags,
    ],
    { ...options.runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  const output = collectOutput(child, options.log);
  const [code, signal] = await exited(child, options.initdb);
  if (code !== 0) {
    throw new Error(
      `initdb failed (${signal ?? `exit code ${code}`}) for ${options.clusterDir}: ${output.last()}`,
    );
  }
}

export interface PostgresServerOptions {
  postgres: string;
  clusterDir: string;
  port: number;
  flags: string[];
  runAs: RunAs;
  /** A superuser URL, to know when the server accepts connections. */
  probeUrl: string;
  log: (message: string) => void;
  readyWithinMs?: number;
}

export interface PostgresServer {
  readonly pid: number;
  /** Fast shutdown (open transactions rolled back); resolves once the server is gone. */
  stop(): Promise<void>;
}

/**
 * Starts `postgres` in the foreground of a child process and resolves once it answers a
 * query. A spawn failure, an early exit (port taken, bad cluster) or no answer in time
 * rejects with PostgreSQL's last words; the child is then stopped.
 */
export async function startPostgresServer(options: PostgresServerOptions): Promise<PostgresServer> {
  const child = spawn(
    options.postgres,
    ['-D', options.clusterDir, '-p', String(options.port), ...options.flags],
    { ...options.runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  const output = collectOutput(child, options.log);
  const exit = exited(child, options.postgres);
  // Until someone awaits `exit`, a spawn failure must not surface as an unhandled rejection.
  exit.catch(() => undefined);

  const deadline = Date.now() + (options.readyWithinMs ?? 60_000);
  let gone: string | null = null;
  void exit.then(
    ([code, signal]) => (gone = `it exited (${signal ?? `exit code ${code}`})`),
    (error: Error) => (gone = error.message),
  );
  while (!(await answers(options.probeUrl))) {
    if (gone !== null) {
      throw new Error(`${gone}: ${output.last()}`);
    }
    if (Date.now() > deadline) {
      await stopChild(child, exit);
      throw new Error(`no answer within ${options.readyWithinMs ?? 60_000} ms: ${output.last()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    pid: child.pid ?? 0,
    stop: () => stopChild(child, exit),
  };
}

async function stopChild(child: ChildProcess, exit: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
  await exit.catch(() => undefined);
  clearTimeout(timer);
}

/** The exit of a child, or the reason it could not run, as a promise: no 'error' event escapes. */
function exited(child: ChildProcess, file: string): Promise<[number | null, NodeJS.Signals | null]> {
  return new Promise((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`cannot run ${file} (${error.code ?? error.message})`, { cause: error })),
    );
    child.once('close', (code, signal) => {
      if (child.pid !== undefined) resolve([code, signal]);
    });
  });
}

/** Forwards the child's lines to `log` and keeps the last few for an error message. */
function collectOutput(child: ChildProcess, log: (message: string) => void): { last(): string } {
  const lines: string[] = [];
  const take = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      log(line.trim());
      lines.push(line.trim());
      if (lines.length > 5) lines.shift();
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return { last: () => (lines.length > 0 ? lines.join(' | ') : 'no output') };
}

/** Whether the server at `url` accepts a connection and a query now. */
export async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  // A connection that breaks after connecting is a "no" here, not a crash of the process.
  client.on('error', () => undefined);
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
