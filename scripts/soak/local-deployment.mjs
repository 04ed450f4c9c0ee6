// A small deployment of the built faces for the soak when no cluster harness is at hand:
// a private Redis on a free port, `apis` API processes and `workers` workers, no balancer
// (with one API the driver talks to it directly).
import { spawn } from 'node:child_process';

import { freePort } from '../bench/api-process.mjs';
import { SOAK_AUDIT_KEY, SOAK_JWT_SECRET } from './database.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function startChild(entry, env) {
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => {
    output = (output + chunk).slice(-8000);
  });
  child.output = () => output;
  return child;
}

async function waitHttp(url, child, timeoutMs = 60_000) {
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    if (child && child.exitCode !== null) throw new Error(`${url}: the process stopped: ${child.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function stopChild(child, signal = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(15_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function startLocalDeployment({ databaseUrl, workerEnv = {} }) {
  const redisPort = await freePort();
  const redis = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    JWT_SECRET: SOAK_JWT_SECRET,
    AUDIT_KEY: SOAK_AUDIT_KEY,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
  };
  const apiPort = await freePort();
  const workerPort = await freePort();
  const api = startChild('dist/apps/api/src/main.js', { ...env, PORT: String(apiPort) });
  const worker = startChild('dist/apps/worker/src/main.js', {
    ...env,
    WORKER_PORT: String(workerPort),
    ...workerEnv,
  });
  try {
    await waitHttp(`http://127.0.0.1:${apiPort}/health`, api);
    await waitHttp(`http://127.0.0.1:${workerPort}/health`, worker);
  } catch (error) {
    await Promise.all([stopChild(api), stopChild(worker), stopChild(redis)]);
    throw error;
  }
  return {
    url: `http://127.0.0.1:${apiPort}/graphql`,
    async stop() {
      await Promise.all([stopChild(api), stopChild(worker)]);
      await stopChild(redis);
    },
  };
}
