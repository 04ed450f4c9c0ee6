// Types of what index.mjs gives the test suite (the modules are plain JavaScript).

import type { Cluster } from '../cluster/index.mjs';

export type { Cluster } from '../cluster/index.mjs';
export { startCluster } from '../cluster/index.mjs';

export const SOAK_JWT_SECRET: string;
export const SOAK_AUDIT_KEY: string;
export function freshDatabase(
  adminUrl: string,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }>;

export interface PrivatePostgres {
  url: string;
  adminUrl: string;
  restart(options?: { downMs?: number }): Promise<{ stopMs: number; downMs: number; upAfterMs: number }>;
  stop(): Promise<void>;
}
export function startPrivatePostgres(options?: { log?: (line: string) => void }): Promise<PrivatePostgres>;

export interface Recorder {
  beginFault(name: string, codes: string[]): void;
  endFault(name: string, graceMs?: number): void;
  lastFailureOf(name: string): number | null;
}
type During = (recorder: Recorder) => Promise<Record<string, unknown>>;
export interface SoakClient {
  call(
    query: string,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<{ ok: boolean; code?: string }>;
}
export function redisRestart(cluster: Cluster, options?: { afterMs?: number }): During;
export function apiKill(cluster: Cluster, options?: { afterMs?: number; index?: number }): During;
export function postgresRestart(
  postgres: PrivatePostgres,
  client: SoakClient,
  token: string,
  options?: { afterMs?: number; downMs?: number; probesInARow?: number },
): During;
export function waitSchedulers(
  redisUrl: string,
  expected: string[],
  sinceMs: number,
  timeoutMs?: number,
): Promise<{ backAfterMs: number | null; missing: string[] }>;

export interface Write {
  kind: string;
  row: [string, string];
  audit: [string, string, string[], number?][];
  outbox: [string, string][];
}
export interface Reconciliation {
  accepted: number;
  missing: number;
  halfWritten: number;
  invariants: { name: string; count: number }[];
  examples: unknown[];
}
export function reconcile(pool: unknown, ledger: Write[]): Promise<Reconciliation>;
/** `db`: a pg Pool or Client (anything with `query`). */
export function halfWrittenInDatabase(db: unknown): Promise<{ name: string; count: number }[]>;

export interface SoakResult {
  seconds: number;
  requests: number;
  throughput_rps: number;
  p95_ms: number;
  byKind: Record<string, { requests: number; p50_ms: number; p95_ms: number; p99_ms: number }>;
  errors: { verdict: string; code: string; kind: string; count: number; example?: string }[];
  unexpected: number;
  expectedDomain: number;
  expectedFault: number;
  acceptedWrites: number;
  relay: { pending: number; waitedMs: number };
  events: { rows: number; undelivered: number; notifiedTwice: number };
  reconciliation: Reconciliation;
  fault: Record<string, unknown> | null;
}
export interface Session {
  email: string;
  token: string;
  userId: string;
  organizationId: string;
}
export function prepareSoak(options: {
  url: string;
  pool: unknown;
  officers: number;
  supervisors: number;
  tag?: string;
}): Promise<{
  client: SoakClient;
  people: { documentId: string; tasks: number; officers: Session[]; supervisors: Session[] };
  seedMs: number;
  drive(options: {
    seconds: number;
    thinkMs?: number;
    during?: During;
    relayTimeoutMs?: number;
  }): Promise<SoakResult>;
}>;
export function passed(result: SoakResult): boolean;
export function formatSoak(result: SoakResult, options?: { title?: string }): string;
