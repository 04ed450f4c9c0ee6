import { QueueName } from './queue-name.js';

/** Jobs of the `system` queue, each with its payload type. */
export enum SystemJob {
  Heartbeat = 'heartbeat',
}

export interface SystemJobPayloads {
  [SystemJob.Heartbeat]: Record<string, never>;
}

/** The worker writes this key on every heartbeat; the API's readiness check reads it. */
export const WORKER_HEARTBEAT_KEY = 'dondoc:worker:heartbeat';
export const HEARTBEAT_EVERY_MS = 30_000;

export const SYSTEM_QUEUE = QueueName.System;
