/** Types of the multi-instance harness (index.mjs), for the TypeScript tests that use it. */
import type { Queue } from 'bullmq';

export interface ClusterOptions {
  /** DATABASE_URL of every process (the application's login). */
  databaseUrl: string;
  /** MIGRATION_DATABASE_URL (the owner's login), when the database has roles. */
  ownerUrl?: string;
  apis?: number;
  workers?: number;
  /** Variables for every process; they override the harness's. */
  env?: Record<string, string>;
  apiEnv?: Record<string, string>;
  workerEnv?: Record<string, string>;
  /** 'private' (default): a redis-server of the cluster's own; or the URL of a Redis to share. */
  redis?: 'private' | string;
  /** Keep the client's X-Forwarded-For and append the peer, instead of replacing it. */
  appendForwardedFor?: boolean;
  /** The workers' BullMQ prefix, for queue() (default: env QUEUE_PREFIX, else 'dondoc'). */
  queuePrefix?: string;
  log?: (line: string) => void;
  startTimeoutMs?: number;
}

interface ClusterProcess {
  name: string;
  url: string;
  port: number;
  readonly pid: number | undefined;
  output(): string;
  /** Null while it runs; otherwise "code 0", "signal SIGKILL"… */
  exit(): string | null;
  kill(signal?: NodeJS.Signals): Promise<string>;
  restart(): Promise<void>;
  stop(): Promise<string>;
}

export type ClusterApi = ClusterProcess;

export interface ClusterWorker extends ClusterProcess {
  metricsUrl: string;
  healthUrl: string;
}

export interface ClusterRedis {
  url: string;
  port: number;
  private: boolean;
  readonly pid: number | null | undefined;
  output(): string;
  flush(): Promise<void>;
  restart(options?: { empty?: true; downMs?: number }): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterBalancer {
  url: string;
  port: number;
  statsUrl: string;
  configFile: string;
  pid: number | undefined;
  output(): string;
  exit(): string | null;
  servers(): Promise<Record<string, string>>;
  allUp(timeoutMs?: number): Promise<Record<string, string>>;
  stop(): Promise<string>;
}

export interface Cluster {
  url: string;
  env: Record<string, string>;
  metricsToken: string;
  metrics(url: string): Promise<string>;
  /** A BullMQ queue on the cluster's Redis under the workers' prefix; stop() closes it. */
  queue(name: string): Queue;
  apis: ClusterApi[];
  workers: ClusterWorker[];
  redis: ClusterRedis;
  balancer: ClusterBalancer;
  output(): string;
  stop(): Promise<void>;
}

export function startCluster(options: ClusterOptions): Promise<Cluster>;
export function freePort(): Promise<number>;
export function waitForHttp(
  url: string,
  options: {
    timeoutMs: number;
    isReady?: (status: number) => boolean;
    check?: (body: string) => boolean;
    headers?: Record<string, string>;
    exited?: () => string | null;
  },
): Promise<number>;
export function builtEntry(face: 'api' | 'worker' | 'cli'): string;
export function productFreeEnv(env: Record<string, string>): Record<string, string>;
