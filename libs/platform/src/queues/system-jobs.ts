/** Jobs of the `system` queue. */
export enum SystemJob {
  Heartbeat = 'heartbeat',
  /** Deletes old login attempts and ended refresh tokens (libs/identity SignInRecordsPruner). */
  PruneSignInRecords = 'prune-sign-in-records',
  /** Writes the head of the audit chain to AUDIT_ANCHOR_FILE, once a day. */
  AuditAnchor = 'audit-anchor',
  /** Folds the dashboard tallies' stripes (libs/assignments compactTallies), hourly. */
  CompactDashboardTallies = 'compact-dashboard-tallies',
}

/** When the daily audit anchor is written: 01:30, Vietnam time (a six-field cron pattern). */
export const AUDIT_ANCHOR_PATTERN = '0 30 1 * * *';

/** The worker writes this key on every heartbeat; the API's readiness check reads it. */
export const WORKER_HEARTBEAT_KEY = 'dondoc:worker:heartbeat';
export const HEARTBEAT_EVERY_MS = 30_000;

/** Hourly: the tables stay small between runs, and each run deletes about an hour's worth. */
export const PRUNE_SIGN_IN_RECORDS_EVERY_MS = 60 * 60_000;

/** Hourly: a key is written by a handful of server processes between two runs. */
export const COMPACT_DASHBOARD_TALLIES_EVERY_MS = 60 * 60_000;
