import type { Server } from 'node:http';

/**
 * Starts the worker's HTTP server (health and metrics) on every interface. It is called before
 * the application's bootstrap, which waits for Redis when the processors register their job
 * schedulers: probes and scrapes must be answered, and say that Redis is away, meanwhile.
 */
export function listenEarly(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} is already in use: set WORKER_PORT to a free port for the worker`)
          : error,
      );
    server.once('error', failed);
    server.listen(port, '0.0.0.0', () => {
      server.off('error', failed);
      resolve();
    });
  });
}
