// Stops the embedded PostgreSQL when global-setup.mjs had to start one.
export default async function globalTeardown() {
  const stop = globalThis.__dondocStopEmbedded;
  globalThis.__dondocStopEmbedded = undefined;
  if (stop) await stop();
}
