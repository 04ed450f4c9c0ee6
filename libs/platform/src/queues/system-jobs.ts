/** Jobs of the `system` queue. */
export enum SystemJob {
  Heartbeat = 'heartbeat',
}

/** The worker writes this key on every heartbeat; the API's readiness check reads it. */
export const WORKER_HEARTBEAT_KEY = 'dondoc:worker:heartbeat';
export const HEARTBEAT_EVERY_MS = 30_000;
