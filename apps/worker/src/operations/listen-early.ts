import type { Server } from 'node:http';

/**
 * Starts the worker's HTTP server (health and metrics) on `host` (WORKER_HOST: loopback unless
 * configured, since probes and scrapes usually come from the same host). It is called before
 * the application's bootstrap, which waits for Redis when ScheduleKeeper registers the job
 * schedulers: probes and scrapes must be answered, and say that Redis is away, meanwhile.
 */
export function listenEarly(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} is already in use: set WORKER_PORT to a free port for the worker`)
          : error,
      );
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}
