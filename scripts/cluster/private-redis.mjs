import { Redis } from 'ioredis';

import { startChild } from './child.mjs';
import { freePort } from './free-port.mjs';

const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? 'redis-server';

/**
 * A redis-server of the cluster's own on a free loopback port, without persistence: a restart
 * brings it back empty, as a Redis failover or a restarted pod without a volume does.
 */
export async function startPrivateRedis({ log } = {}) {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child = await launch(port, log);

  const redis = {
    url,
    port,
    private: true,
    get pid() {
      return child.pid;
    },
    output: () => child.output(),
    /** Empties every database (FLUSHALL): what an eviction or an operator's mistake does. */
    async flush() {
      await withClient(url, (client) => client.flushall());
    },
    /** Stops the server and starts it again on the same port; `{ empty: true }` is the only kind. */
    async restart({ empty = true, downMs = 0 } = {}) {
      if (!empty) throw new Error('a private Redis has no persistence: it can only restart empty');
      await child.stop('SIGKILL');
      if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
      child = await launch(port, log);
    },
    /** Stops it (the cluster is then without Redis until restart()). */
    async kill(signal = 'SIGKILL') {
      await child.stop(signal);
    },
    async stop() {
      await child.stop('SIGTERM', 5_000);
    },
  };
  return redis;
}

/** The machine's (or any given) Redis: flush and restart are refused, it is not ours. */
export function sharedRedis(url) {
  const refuse = (what) => async () => {
    throw new Error(`${what} is only for a private Redis (startCluster({ redis: 'private' }))`);
  };
  return {
    url,
    port: Number(new URL(url).port || 6379),
    private: false,
    pid: null,
    output: () => '',
    flush: refuse('flush()'),
    restart: refuse('restart()'),
    kill: refuse('kill()'),
    stop: async () => undefined,
  };
}

async function launch(port, log) {
  const child = startChild(
    `redis:${port}`,
    REDIS_SERVER,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
    ],
    { env: process.env, log },
  );
  const started = Date.now();
  for (;;) {
    if (child.exit() !== null) {
      throw new Error(
        `redis-server on port ${port} exited (${child.exit()}): is it installed (apt-get install redis-server)?\n${child.output()}`,
      );
    }
    try {
      await withClient(`redis://127.0.0.1:${port}`, (client) => client.ping());
      return child;
    } catch {
      if (Date.now() - started > 15_000) {
        await child.stop('SIGKILL');
        throw new Error(`redis-server on port ${port} did not answer within 15 s\n${child.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function withClient(url, work) {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await work(client);
  } finally {
    client.disconnect();
  }
}
