// The built API as a child process against a bench database, production-like.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const BENCH_SECRET = 'bench-secret-that-is-long-enough-for-hs256';
// The same as seeded-database.mjs: the API appends to the chain the seed started.
export const BENCH_AUDIT_KEY = 'bench-audit-key-that-is-long-enough-for-hmac';

export async function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `dist/apps/api/src/main.js` and waits until /health answers. */
export async function startApi(databaseUrl, extraEnv = {}, nodeArgs = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, 'dist/apps/api/src/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: BENCH_SECRET,
      AUDIT_KEY: BENCH_AUDIT_KEY,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`The API stopped at start: ${stderr}`);
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      // still starting
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  /** Posts a whole GraphQL body (query, variables, operationName) and gives its `data`. */
  const request = async (payload, token) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(payload),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data;
  };
  const graphql = (query, variables, token) => request({ query, variables }, token);
  const login = async (email) =>
    (
      await graphql(
        'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
        { e: email, p: 'dondoc-demo' },
      )
    ).login.accessToken;
  /** Resident memory of the API process, in MB (Linux). */
  const rssMb = () => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
  };
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  };
  return { base, url: `${base}/graphql`, graphql, request, login, rssMb, stop, pid: child.pid };
}
