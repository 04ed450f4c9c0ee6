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

import { freePort } from './free-port.mjs';
import { startHaproxy } from './haproxy-balancer.mjs';
import { startPrivateRedis, sharedRedis } from './private-redis.mjs';
import { startApi, startWorker } from './product-process.mjs';

export { freePort, waitForHttp } from './free-port.mjs';
export { builtEntry, productFreeEnv } from './product-process.mjs';

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
    log,
    startTimeoutMs = 120_000,
  } = options ?? {};
  if (!databaseUrl) throw new Error('startCluster needs databaseUrl (the DATABASE_URL of every process)');
  if (!Number.isInteger(apiCount) || apiCount < 1) throw new Error('startCluster needs at least one API');

  const dir = mkdtempSync(join(tmpdir(), 'dondoc-cluster-'));
  const started = [];
  const stopAll = async () => {
    // Balancer first (no new requests), then the faces, then Redis; each stop ends in SIGKILL.
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
    started.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const redis = redisOption === 'private' ? await startPrivateRedis({ log }) : sharedRedis(redisOption);
    started.push(redis);

    const metricsToken = randomBytes(24).toString('hex');
    const shared = {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      ...(ownerUrl ? { MIGRATION_DATABASE_URL: ownerUrl } : {}),
      REDIS_URL: redis.url,
      JWT_SECRET: randomBytes(32).toString('hex'),
      AUDIT_KEY: randomBytes(32).toString('hex'),
      METRICS_TOKEN: metricsToken,
      TRUSTED_PROXIES: 'loopback',
      DATA_DIR: join(dir, 'data'),
      AUDIT_ANCHOR_FILE: join(dir, 'audit-anchors.jsonl'),
    };
    // The APIs need the balancer's address for APP_URL before it exists: the port is taken now.
    const apiPorts = await Promise.all(Array.from({ length: apiCount }, () => freePort()));
    const workerPorts = await Promise.all(Array.from({ length: workerCount }, () => freePort()));
    const common = { ...shared, ...env };
    const context = { metricsToken, log, startTimeoutMs };

    const apiList = apiPorts.map((port, i) =>
      startApi(`api${i + 1}`, port, { LOG_LEVEL: 'warn', ...common, ...apiEnv }, context),
    );
    started.push(...apiList);
    const workerList = workerPorts.map((port, i) =>
      startWorker(`worker${i + 1}`, port, { LOG_LEVEL: 'info', ...common, ...workerEnv }, context),
    );
    started.push(...workerList);
    await Promise.all([...apiList, ...workerList].map((part) => part.ready()));

    const balancer = await startHaproxy({
      dir,
      servers: apiList.map((api) => ({ name: api.name, port: api.port })),
      log,
      appendForwardedFor,
    });
    started.push(balancer);

    const metrics = async (url) => {
      const response = await fetch(`${url.replace(/\/+$/, '')}/metrics`, {
        headers: { authorization: `Bearer ${metricsToken}` },
      });
      if (response.status !== 200) throw new Error(`${url}/metrics answered ${response.status}`);
      return response.text();
    };
    const everyPart = () => [redis, ...apiList, ...workerList, balancer];
    return {
      url: balancer.url,
      env: common,
      metricsToken,
      metrics,
      apis: apiList,
      workers: workerList,
      redis,
      balancer,
      output: () =>
        everyPart()
          .map((part) => `--- ${part.name ?? 'redis'} ---\n${part.output()}`)
          .join('\n'),
      stop: stopAll,
    };
  } catch (error) {
    const output = started
      .filter((part) => part.output)
      .map((part) => `--- ${part.name ?? 'redis'} ---\n${part.output().slice(-4_000)}`)
      .join('\n');
    await stopAll();
    throw new Error(`${error.message}\n${output}`, { cause: error });
  }
}
