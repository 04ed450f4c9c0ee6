import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

import { freePort } from '@dondoc/platform';

const PGBOUNCER = '/usr/sbin/pgbouncer';

export interface PooledDatabase {
  /** The real server and database behind the alias (a test database's URL). */
  url: string;
  /** Run by PgBouncer on each new server connection: where session settings belong. */
  connectQuery?: string;
}

export interface RunningPgBouncer {
  port: number;
  /** A client URL through the pooler to `alias`, as the role of the alias's `url`. */
  urlOf(alias: string): string;
  /** One statement on PgBouncer's admin console (SHOW POOLS, SHOW STATS…). */
  admin<T>(statement: string): Promise<T[]>;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Debian's PgBouncer on a free port, in transaction mode, in front of the given databases,
 * with a generated ini in a temporary folder. Started as `nobody` when the tests run as root
 * (PgBouncer refuses to run as root); trust authentication, so the users it lets in are
 * only those of the auth file, without passwords.
 */
export async function startPgBouncer(options: {
  databases: Record<string, PooledDatabase>;
  poolSize: number;
}): Promise<RunningPgBouncer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-pgbouncer-'));
  chmodSync(dir, 0o755); // readable by the user PgBouncer switches to
  const users = new Set<string>(['postgres']);
  const lines = Object.entries(options.databases).map(([alias, database]) => {
    const target = new URL(database.url);
    users.add(decodeURIComponent(target.username) || 'postgres');
    const parts = [
      `host=${target.hostname}`,
      `port=${target.port || '5432'}`,
      `dbname=${decodeURIComponent(target.pathname.slice(1))}`,
    ];
    if (database.connectQuery) parts.push(`connect_query='${database.connectQuery.replaceAll("'", "''")}'`);
    return `${alias} = ${parts.join(' ')}`;
  });
  const authFile = join(dir, 'users.txt');
  writeFileSync(authFile, [...users].map((user) => `"${user}" ""`).join('\n') + '\n');
  const ini = join(dir, 'pgbouncer.ini');
  writeFileSync(
    ini,
    [
      '[databases]',
      ...lines,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${authFile}`,
      'admin_users = postgres',
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize}`,
      'max_client_conn = 500',
      // The clients wait for a server connection; an answer within seconds or a clear error.
      'query_wait_timeout = 30',
      '',
    ].join('\n'),
  );
  chmodSync(ini, 0o644);
  chmodSync(authFile, 0o644);

  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = spawn(PGBOUNCER, [...(asRoot ? ['-u', 'nobody'] : []), ini], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await listening(port, child, 10_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- PgBouncer ---\n${output}`, { cause: error });
  }

  const adminUrl = `postgres://postgres@127.0.0.1:${port}/pgbouncer`;
  return {
    port,
    urlOf: (alias) => {
      const target = new URL(options.databases[alias]!.url);
      target.host = `127.0.0.1:${port}`;
      target.pathname = `/${alias}`;
      return target.toString();
    },
    admin: async <T>(statement: string) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        return (await client.query(statement)).rows as T[];
      } finally {
        await client.end();
      }
    },
    output: () => output,
    stop,
  };
}

async function listening(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`PgBouncer exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PgBouncer did not listen on ${port} within ${timeoutMs} ms`);
}
