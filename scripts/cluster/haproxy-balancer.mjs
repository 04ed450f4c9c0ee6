import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startChild } from './child.mjs';
import { freePort } from './free-port.mjs';
import { waitForHttp } from './wait-for-http.mjs';

export const HAPROXY = process.env.HAPROXY_PATH ?? '/usr/sbin/haproxy';

/**
 * The haproxy configuration of the cluster: round robin over the APIs, each checked on
 * /health/ready every 500 ms (down after 2 failures, up after 1 success), a request whose
 * connection failed retried twice and sent to another API. The client address: replaced by
 * the peer's (an edge balancer must not pass on what the client claims) unless
 * `appendForwardedFor`, which keeps the client's header and appends the peer (a balancer
 * behind another trusted one; a load driver uses it to appear as many clients).
 */
export function haproxyConfig({ port, statsPort, servers, appendForwardedFor = false }) {
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-request 10s',
    '  timeout http-keep-alive 10s',
    // A check may take up to 2 s: an API slowed by load is not taken out, a dead one (refused
    // connection) still is within a second.
    '  timeout check 2s',
    '  option redispatch',
    '  retries 2',
    // Without it a check may take only `inter` (500 ms): on a loaded machine /health/ready of a
    // busy but healthy API answers later, and every API was marked DOWN (the soak saw 503s).
    '  timeout check 5s',
    'frontend dondoc',
    `  bind 127.0.0.1:${port}`,
    ...(appendForwardedFor ? ['  option forwardfor'] : ['  http-request set-header X-Forwarded-For %[src]']),
    '  default_backend apis',
    'backend apis',
    '  balance roundrobin',
    '  option httpchk GET /health/ready',
    '  http-check expect status 200',
    '  default-server inter 500ms fastinter 500ms downinter 500ms fall 2 rise 1',
    ...servers.map((server) => `  server ${server.name} 127.0.0.1:${server.port} check`),
    'frontend stats',
    `  bind 127.0.0.1:${statsPort}`,
    '  stats enable',
    '  stats uri /stats',
    '  stats refresh 1s',
    '',
  ].join('\n');
}

/** Starts haproxy in the foreground (-db) as a child, and waits until it routes to an API. */
export async function startHaproxy({
  dir,
  servers,
  log,
  appendForwardedFor,
  port: wanted,
  timeoutMs = 30_000,
}) {
  if (!existsSync(HAPROXY)) {
    throw new Error(
      `haproxy is missing at ${HAPROXY}: install it with "apt-get install haproxy" (or set HAPROXY_PATH)`,
    );
  }
  const port = wanted ?? (await freePort());
  const statsPort = await freePort();
  const configFile = join(dir, 'haproxy.cfg');
  writeFileSync(configFile, haproxyConfig({ port, statsPort, servers, appendForwardedFor }));
  const child = startChild('haproxy', HAPROXY, ['-db', '-f', configFile], { env: process.env, log });
  const url = `http://127.0.0.1:${port}`;
  const statsUrl = `http://127.0.0.1:${statsPort}/stats`;
  try {
    await waitForHttp(`${url}/health/ready`, { timeoutMs, exited: child.exit });
  } catch (error) {
    await child.stop('SIGKILL');
    throw new Error(`${error.message}\n--- haproxy ---\n${child.output()}`, { cause: error });
  }
  const balancer = {
    url,
    port,
    statsUrl,
    configFile,
    pid: child.pid,
    output: child.output,
    exit: child.exit,
    /** haproxy's view of each API: { api1: 'UP', api2: 'DOWN', … } (from its CSV statistics). */
    async servers() {
      const csv = await (await fetch(`${statsUrl};csv`)).text();
      const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n');
      const columns = header.split(',');
      const [proxy, name, status] = ['pxname', 'svname', 'status'].map((c) => columns.indexOf(c));
      const states = {};
      for (const row of rows) {
        const cells = row.split(',');
        if (cells[proxy] === 'apis' && !['FRONTEND', 'BACKEND'].includes(cells[name])) {
          states[cells[name]] = cells[status];
        }
      }
      return states;
    },
    /** Resolves once haproxy sees every API up (its checks run every 500 ms). */
    async allUp(timeoutMs = 15_000) {
      const started = Date.now();
      for (;;) {
        const states = await balancer.servers();
        if (Object.values(states).every((state) => state === 'UP')) return states;
        if (Date.now() - started > timeoutMs) {
          throw new Error(`haproxy does not see every API up: ${JSON.stringify(states)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: () => child.stop('SIGTERM', 5_000),
  };
  try {
    await balancer.allUp();
  } catch (error) {
    await child.stop('SIGKILL');
    throw error;
  }
  return balancer;
}
