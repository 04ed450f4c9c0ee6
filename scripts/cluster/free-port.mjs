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
