/**
 * The multi-instance harness (issue 15): N built API processes and M built workers on one
 * PostgreSQL and one Redis, behind a Debian haproxy — what a scaled-out deployment runs, on
 * this machine. Plain ES modules, so jest tests and node scripts (npm run soak) share it; the
 * processes run dist/ (npm run build:server first).
 *
 *   import { startCluster } from '../../scripts/cluster/index.mjs';
 *   const cluster = await startCluster({
 *     databaseUrl,            // required: the application's login (DATABASE_URL)
 *     ownerUrl,               // optional: the owner's login (MIGRATION_DATABASE_URL)
 *     apis: 2, workers: 2,    // how many of each (defaults 2 and 2; 0 workers is allowed)
 *     env: { … },             // extra variables for every process (override the defaults)
 *     apiEnv: { … }, workerEnv: { … },  // extra variables for one kind only
 *     redis: 'private',       // default: a redis-server of its own on a free port; or a URL
 *     queuePrefix,            // the workers' BullMQ prefix, for cluster.queue() (default 'dondoc')
 *     appendForwardedFor,     // false: haproxy replaces X-Forwarded-For with the peer (default)
 *     log: (line) => {},      // every output line of every process, prefixed "[api1] " etc.
 *     startTimeoutMs: 120000, // per process readiness
 *   });
 *
 * It returns (every member below is part of the stable interface):
 *   cluster.url                   the balancer (haproxy, round robin over the APIs)
 *   cluster.env                   the variables every process got (JWT_SECRET, AUDIT_KEY, …)
 *   cluster.metricsToken          the bearer token /metrics asks for (NODE_ENV=production)
 *   cluster.metrics(url)          the Prometheus text of `${url}/metrics` (token sent)
 *   cluster.queue(name)          a BullMQ Queue on the cluster's Redis under the workers' prefix
 *                                 (option `queuePrefix`, else env QUEUE_PREFIX, else 'dondoc');
 *                                 closed by stop()
 *   cluster.apis[i]               { name: 'api1', url, port, pid, output(), exit(),
 *                                   kill(signal = 'SIGKILL') → waits for the exit,
 *                                   restart() → stops it if running (SIGTERM), starts it again on
 *                                   the same port and waits for /health/ready }
 *   cluster.workers[i]            { name: 'worker1', port, pid, metricsUrl, healthUrl, output(),
 *                                   exit(), kill(signal), restart() — as above; ready means its
 *                                   /health/ready sees Redis and it logged that it started }
 *   cluster.redis                 { url, port, private, pid, output(), flush() (FLUSHALL),
 *                                   restart({ empty: true, downMs }) (same port), kill(signal) }
 *   cluster.balancer              { url, port, statsUrl, configFile, pid, output(),
 *                                   servers() → { api1: 'UP' | 'DOWN' | …, … },
 *                                   allUp(timeoutMs) → waits until haproxy sees every API up }
 *   cluster.output()              every process's output, for a failure message
 *   cluster.stop()                stops everything it started, always (also after a failure)
 *
 * Every process gets NODE_ENV=production (as deployed: no demo users, /metrics behind its
 * token, no introspection), one JWT_SECRET, AUDIT_KEY and METRICS_TOKEN made for this cluster,
 * TRUSTED_PROXIES=loopback (haproxy is on loopback), APP_URL = the balancer, LOG_LEVEL warn
 * for APIs and info for workers (overridable through `env`), and a temporary DATA_DIR and
 * AUDIT_ANCHOR_FILE. The parent's product variables are not passed on. startCluster throws
 * (having stopped whatever it had started) when a process does not become ready; the message
 * carries that process's output.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Queue } from 'bullmq';

import { freePort } from './free-port.mjs';
import { startHaproxy } from './haproxy-balancer.mjs';
import { startPrivateRedis, sharedRedis } from './private-redis.mjs';
import { startApi, startWorker } from './product-process.mjs';

export { freePort, waitForHttp } from './free-port.mjs';
export { builtEntry, productFreeEnv } from './product-process.mjs';

/** The workers' BullMQ prefix (apps/worker/src/worker.module.ts). */
const DEFAULT_QUEUE_PREFIX = 'dondoc';

export async function startCluster(options) {
  const {
    databaseUrl,
    ownerUrl,
    apis: apiCount = 2,
    workers: workerCount = 2,
    env = {},
    apiEnv = {},
    workerEnv = {},
    redis: redisOption = 'private',
    appendForwardedFor = false,
    queuePrefix,
    log,
    startTimeoutMs = 120_000,
  } = options ?? {};
  if (!databaseUrl) throw new Error('startCluster needs databaseUrl (the DATABASE_URL of every process)');
  if (!Number.isInteger(apiCount) || apiCount < 1) throw new Error('startCluster needs at least one API');

  const dir = mkdtempSync(join(tmpdir(), 'dondoc-cluster-'));
  /** Everything started so far, for stop() and for the output of a failed start. */
  const parts = { redis: null, faces: [], balancer: null, queues: [] };
  const stop = async () => {
    const { redis, faces, balancer, queues } = parts;
    parts.redis = parts.balancer = null;
    parts.faces = [];
    parts.queues = [];
    // Our own clients, the balancer (no new requests), the faces together, then Redis; every
    // stop ends in SIGKILL when a process ignores its signal.
    await Promise.all(queues.map((opened) => opened.close().catch(() => undefined)));
    await balancer?.stop().catch(() => undefined);
    await Promise.all(faces.map((face) => face.stop().catch(() => undefined)));
    await redis?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  const output = (tail = Infinity) =>
    [parts.redis, ...parts.faces, parts.balancer]
      .filter((part) => part !== null)
      .map((part) => `--- ${part.name ?? 'redis'} ---\n${part.output().slice(-tail)}`)
      .join('\n');

  try {
    const redis = redisOption === 'private' ? await startPrivateRedis({ log }) : sharedRedis(redisOption);
    parts.redis = redis;

    const metricsToken = randomBytes(24).toString('hex');
    // The APIs are told the balancer's address (APP_URL: links, the console's origin) before
    // it starts: its port is taken now.
    const balancerPort = await freePort();
    const common = {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      ...(ownerUrl ? { MIGRATION_DATABASE_URL: ownerUrl } : {}),
      REDIS_URL: redis.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      AUDIT_KEY: randomBytes(32).toString('hex'),
      METRICS_TOKEN: metricsToken,
      TRUSTED_PROXIES: 'loopback',
      APP_URL: `http://127.0.0.1:${balancerPort}`,
      DATA_DIR: join(dir, 'data'),
      AUDIT_ANCHOR_FILE: join(dir, 'audit-anchors.jsonl'),
      ...env,
    };
    const context = { log, startTimeoutMs };
    const apiList = [];
    for (let i = 0; i < apiCount; i++) {
      const env = { LOG_LEVEL: 'warn', ...common, ...apiEnv };
      apiList.push(startApi(`api${i + 1}`, await freePort(), env, context));
    }
    const workerList = [];
    for (let i = 0; i < workerCount; i++) {
      const env = { LOG_LEVEL: 'info', ...common, ...workerEnv };
      workerList.push(startWorker(`worker${i + 1}`, await freePort(), env, context));
    }
    parts.faces = [...apiList, ...workerList];
    await Promise.all(parts.faces.map((face) => face.ready()));

    const balancer = await startHaproxy({
      dir,
      servers: apiList.map((api) => ({ name: api.name, port: api.port })),
      log,
      appendForwardedFor,
      port: balancerPort,
    });
    parts.balancer = balancer;

    const metrics = async (url) => {
      const response = await fetch(`${url.replace(/\/+$/, '')}/metrics`, {
        headers: { authorization: `Bearer ${metricsToken}` },
      });
      if (response.status !== 200) throw new Error(`${url}/metrics answered ${response.status}`);
      return response.text();
    };
    const prefix = queuePrefix ?? common.QUEUE_PREFIX ?? DEFAULT_QUEUE_PREFIX;
    /** A BullMQ queue of the cluster's Redis, under the workers' prefix; closed by stop(). */
    const queue = (name) => {
      const opened = new Queue(name, { prefix, connection: connectionOf(redis.url) });
      opened.on('error', () => undefined); // a Redis restarted on purpose is no failure of ours
      parts.queues.push(opened);
      return opened;
    };
    return {
      url: balancer.url,
      env: common,
      metricsToken,
      metrics,
      queue,
      apis: apiList,
      workers: workerList,
      redis,
      balancer,
      output: () => output(),
      stop,
    };
  } catch (error) {
    const tails = output(4_000);
    await stop();
    throw new Error(`${error.message}\n${tails}`, { cause: error });
  }
}

/** ioredis options of a redis:// URL, as BullMQ wants them (never give up a command). */
function connectionOf(url) {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.slice(1) || 0);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}
