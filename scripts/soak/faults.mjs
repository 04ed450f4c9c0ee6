// The faults a soak can run under its load, each on the deployment's private parts (the
// cluster's own Redis, API processes and PostgreSQL). Each is a `during(recorder)` for
// `drive()`: it opens a window in which the named failure codes are expected, causes the
// fault, measures the recovery, and returns its figures.
import { Redis } from 'ioredis';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The BullMQ job schedulers in a Redis, whatever the queue prefix: `<prefix>:<queue>:repeat`. */
export async function schedulerIds(redisUrl) {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true, connectTimeout: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const ids = [];
    for (const key of await client.keys('*:repeat')) {
      if ((await client.type(key)) !== 'zset') continue;
      for (const id of await client.zrange(key, 0, -1)) ids.push(`${key.split(':').at(-2)}/${id}`);
    }
    return ids.sort();
  } catch {
    return [];
  } finally {
    client.disconnect();
  }
}

/** Polls until every id of `expected` is scheduled again; the time from `sinceMs` (Date.now()). */
export async function waitSchedulers(redisUrl, expected, sinceMs, timeoutMs = 70_000) {
  for (;;) {
    const now = await schedulerIds(redisUrl);
    const missing = expected.filter((id) => !now.includes(id));
    if (missing.length === 0) return { backAfterMs: Date.now() - sinceMs, missing };
    if (Date.now() - sinceMs > timeoutMs) return { backAfterMs: null, missing };
    await sleep(500);
  }
}

/**
 * Redis restarted empty under load: nothing the API answers may fail (its writes go to the
 * outbox in PostgreSQL), so no failure code is expected. The schedulers are counted before;
 * the result's `schedulersBack` promise says when they are all back (or which are missing
 * after 70 s).
 */
export function redisRestart(cluster, { afterMs = 2_000 } = {}) {
  return async () => {
    const before = await schedulerIds(cluster.redis.url);
    await sleep(afterMs);
    const restartedAt = Date.now();
    await cluster.redis.restart({ empty: true });
    // Watched from now, under the load, not after it: `schedulersBack` resolves when they are.
    const schedulersBack = waitSchedulers(cluster.redis.url, before, restartedAt);
    return {
      fault: 'redis',
      schedulersBefore: before,
      restartedAt,
      restartMs: Date.now() - restartedAt,
      schedulersBack,
    };
  };
}

/**
 * An API SIGKILLed mid-write: the calls it held fail (haproxy answers 502 for a request cut
 * off, 503 while no server is there; a connection cut says NETWORK) until the balancer sees it
 * down; the other API carries the load from then on (the killed one stays down).
 */
export function apiKill(cluster, { afterMs = 1_500, index = 0 } = {}) {
  return async (recorder) => {
    await sleep(afterMs);
    const api = cluster.apis[index];
    recorder.beginFault('api-killed', ['HTTP_502', 'HTTP_503', 'HTTP_504', 'NETWORK']);
    const killedAt = Date.now();
    await api.kill('SIGKILL');
    let downSeenMs = null;
    for (let i = 0; i < 100; i++) {
      if ((await cluster.balancer.servers())[api.name] !== 'UP') {
        downSeenMs = Date.now() - killedAt;
        break;
      }
      await sleep(100);
    }
    recorder.endFault('api-killed', 2_000);
    return { fault: 'api', killed: api.name, downSeenMs };
  };
}

/**
 * PostgreSQL restarted under load: calls in the gap must fail as UNAVAILABLE (or the
 * balancer's own 503 while every API's readiness says the database is gone), never as an
 * internal error; the service is back when a read through the balancer succeeds again.
 */
export function postgresRestart(
  postgres,
  client,
  token,
  { afterMs = 2_000, downMs = 1_000, probesInARow = 4 } = {},
) {
  return async (recorder) => {
    await sleep(afterMs);
    recorder.beginFault('postgres-restarted', ['UNAVAILABLE', 'HTTP_503']);
    const stoppedAt = Date.now();
    const server = await postgres.restart({ downMs });
    const upAt = Date.now();
    // Back means every API behind the balancer answers again: several reads in a row succeed.
    let backAfterMs = null;
    let inARow = 0;
    for (let i = 0; i < 600 && backAfterMs === null; i++) {
      const probe = await client.call('{ dashboard { total } }', {}, token);
      inARow = probe.ok ? inARow + 1 : 0;
      if (inARow === probesInARow) backAfterMs = Date.now() - upAt;
      else if (!probe.ok) await sleep(100);
    }
    recorder.endFault('postgres-restarted', 3_000);
    return {
      fault: 'postgres',
      ...server,
      upAt,
      serviceBackAfterUpMs: backAfterMs,
      outageMs: Date.now() - stoppedAt,
    };
  };
}

/**
 * The recovery of a PostgreSQL restart as the load saw it: from the server accepting
 * connections again to the later of the probes' success and the last call that still failed.
 */
export function postgresRecoveryMs(result, recorder) {
  const last = recorder.lastFailureOf('postgres-restarted');
  return Math.max(result.serviceBackAfterUpMs ?? Infinity, last === null ? 0 : last - result.upAt);
}
