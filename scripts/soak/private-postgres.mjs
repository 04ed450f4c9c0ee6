// A PostgreSQL of the soak's own, that it may stop and start: the embedded server the
// zero-configuration start uses (dist/, so `npm run build:server` first), in a temporary
// folder. Never the machine's shared PostgreSQL: restarting that would hit everyone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DATABASE = 'dondoc_soak';

export async function startPrivatePostgres({ log = () => undefined } = {}) {
  const { startEmbeddedPostgres } =
    await import('../../dist/libs/platform/src/database/embedded-postgres.js');
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-soak-pg-'));
  const options = { dir, database: DATABASE, log };
  let server = await startEmbeddedPostgres(options);
  const url = server.url;
  let running = true;
  return {
    url,
    /** The server's own administrative database, for creating and dropping databases. */
    adminUrl: url.replace(/\/[^/]*$/, '/postgres'),
    /**
     * A fast shutdown (open transactions rolled back, clients cut off), `downMs` without a
     * server, then a start on the same port and folder. Returns when it accepts connections
     * again, with the times taken.
     */
    async restart({ downMs = 1_000 } = {}) {
      const started = performance.now();
      await server.stop();
      running = false;
      const stoppedMs = performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, downMs));
      server = await startEmbeddedPostgres(options);
      running = true;
      return { stopMs: Math.round(stoppedMs), downMs, upAfterMs: Math.round(performance.now() - started) };
    },
    async stop() {
      if (running) await server.stop().catch(() => undefined);
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
