import type { Runtime } from './prepare-runtime.js';

/**
 * Ctrl-C or SIGTERM (a container stopping): close the application (connections, the job in
 * hand), then what the runtime started (the embedded database), then exit. Once only.
 */
export function stopOnSignal(
  app: { close(): Promise<void> },
  runtime: Runtime,
  announce: (signal: NodeJS.Signals) => void,
): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    announce(signal);
    // A job or connection that cannot finish (Redis gone mid-shutdown) must not hold the
    // process for ever: whatever is still open after half a minute is abandoned.
    setTimeout(() => process.exit(1), 30_000).unref();
    await app.close().catch(() => undefined);
    await runtime.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
