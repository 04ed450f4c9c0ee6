import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startChild } from './child.mjs';
import { waitForHttp } from './wait-for-http.mjs';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** The built face (npm run build:server): the harness runs what production runs. */
export function builtEntry(face) {
  const entry = join(ROOT, 'dist', 'apps', face, 'src', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build:server first`);
  return entry;
}

/**
 * Variables the product reads (README's table), and families of them: the parent's values
 * never leak into a cluster process, which gets exactly what the harness decides.
 */
const PRODUCT_VARIABLE =
  /^(DATABASE_\w+|MIGRATION_DATABASE_URL|REDIS_\w+|SMTP_\w+|PORT|JWT_SECRET|APP_URL|DATA_DIR|LOG_LEVEL|NODE_ENV|NODE_OPTIONS|WORKER_\w+|METRICS_TOKEN|GRAPHQL_\w+|TRUSTED_PROXIES|AUDIT_\w+|FOLLOW_UP_\w+|REMINDER_DAYS|ESCALATION_DAYS|STATEMENT_TIMEOUT_MS|BACKGROUND_STATEMENT_TIMEOUT_MS|REQUEST_\w+|DOCUMENT_\w+|DOCX_\w+|PDF_\w+|PARSE_\w+|QUEUE_\w+|BULLMQ_\w+|SCHEDULE_\w+|MAIL_\w+|OUTBOX_\w+|EMBEDDED_POSTGRES_\w+)$/;

/** The parent's environment minus every product variable, plus `env`. */
export function productFreeEnv(env) {
  const keep = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !PRODUCT_VARIABLE.test(key)) keep[key] = value;
  }
  return { ...keep, ...env };
}

/** An API process on `port`; ready when its /health/ready answers 200 (the database answers). */
export function startApi(name, port, env, context) {
  const url = `http://127.0.0.1:${port}`;
  return face(name, 'api', { ...env, PORT: String(port) }, context, {
    url,
    port,
    readyCheck: (child) =>
      waitForHttp(`${url}/health/ready`, { timeoutMs: context.startTimeoutMs, exited: child.exit }),
  });
}

/**
 * A worker whose health and metrics listen on `port`; ready when /health/ready sees Redis and,
 * when its log level shows it, once it said it started (its queues and schedules registered).
 */
export function startWorker(name, port, env, context) {
  const base = `http://127.0.0.1:${port}`;
  const saysStarted = ['info', 'debug', 'trace'].includes(env.LOG_LEVEL);
  return face(name, 'worker', { ...env, WORKER_PORT: String(port) }, context, {
    port,
    metricsUrl: `${base}/metrics`,
    healthUrl: `${base}/health/ready`,
    url: base,
    readyCheck: async (child) => {
      await waitForHttp(`${base}/health/ready`, {
        timeoutMs: context.startTimeoutMs,
        exited: child.exit,
        check: (body) => /"redis":\{"status":"up"/.test(body),
      });
      if (!saysStarted) return;
      const started = Date.now();
      while (!child.output().includes('Dondoc worker started')) {
        if (child.exit() !== null) throw new Error(`${name} exited (${child.exit()})`);
        if (Date.now() - started > context.startTimeoutMs) throw new Error(`${name} never said it started`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  });
}

function face(name, kind, env, context, { readyCheck, ...members }) {
  const launch = () =>
    startChild(name, process.execPath, ['--enable-source-maps', builtEntry(kind)], {
      env: productFreeEnv(env),
      cwd: ROOT,
      log: context.log,
    });
  let child = launch();
  /** Output of the runs before the last restart. */
  let earlier = '';
  let readiness = null;
  const ready = () => {
    readiness ??= readyCheck(child).catch((error) => {
      throw new Error(`${name}: ${error.message}\n--- ${name} output ---\n${child.output()}`, {
        cause: error,
      });
    });
    return readiness;
  };
  return {
    name,
    ...members,
    get pid() {
      return child.pid;
    },
    output: () => earlier + child.output(),
    exit: () => child.exit(),
    ready,
    /** Sends the signal and waits for the process to end (SIGKILL after 20 s). */
    kill: (signal = 'SIGKILL') => child.stop(signal),
    /** Stops it if it runs, starts it again with the same variables, and waits until ready. */
    async restart() {
      await child.stop('SIGTERM');
      earlier += `${child.output()}--- ${name} restarted ---\n`;
      child = launch();
      readiness = null;
      await ready();
    },
    stop: () => child.stop('SIGTERM'),
  };
}
