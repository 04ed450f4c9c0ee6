import { createServer } from 'node:net';

/** A TCP port nobody listens on right now (the kernel picks it), for a process about to start. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts HTTP at `url` with a status `isReady` likes (and `check` agrees). */
export async function waitForHttp(
  url,
  { timeoutMs, isReady = (status) => status === 200, check, headers, exited },
) {
  const started = Date.now();
  let last = 'no answer';
  while (Date.now() - started < timeoutMs) {
    const gone = exited?.();
    if (gone) throw new Error(`${url}: the process exited (${gone}) before it was ready`);
    try {
      const response = await fetch(url, { headers, signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      last = `${response.status} ${body.slice(0, 200)}`;
      if (isReady(response.status) && (!check || check(body))) return Date.now() - started;
    } catch (error) {
      last = String(error?.cause?.code ?? error);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms (last: ${last})`);
}
