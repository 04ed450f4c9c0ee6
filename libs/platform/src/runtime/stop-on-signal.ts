import type { Runtime } from './prepare-runtime.js';

/**
 * Longest a stop may take before what is still open is abandoned. Kubernetes' grace period
 * (deploy/kubernetes) allows for it, plus the API's preStop pause.
 */
export const SHUTDOWN_DEADLINE_MS = 30_000;

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
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    await app.close().catch(() => undefined);
    await runtime.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
