import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { Counter, Gauge } from 'prom-client';

import {
  AppConfig,
  directDatabaseUrlOf,
  MetricsRegistry,
  parseSessionsEnded,
  SESSIONS_CHANNEL,
} from '@dondoc/platform';

import { SessionCache } from './session-cache.js';

/** How the connection shows in pg_stat_activity (and how a test finds it to cut it). */
export const SESSION_LISTENER_APPLICATION_NAME = 'dondoc-api-sessions';
const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;
/** A connection cut without a word (a dead network path) is noticed by a query that times out. */
const HEARTBEAT_MS = 15_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;

/**
 * Hears, on a PostgreSQL connection of its own, of the sessions that ended in any process
 * (`endSessionsOfUsers`, `endSessionFamily` NOTIFY on commit) and drops their tokens from this
 * process's `SessionCache`. While it is not listening — before the first connection, after a
 * loss until it is back, reconnecting with growing delays — the cache is not trusted. The API
 * runs it; the worker and the CLI authenticate nobody and do not.
 */
@Injectable()
export class SessionRevocationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionRevocationListener.name);
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly config: AppConfig,
    private readonly sessions: SessionCache,
    metrics: MetricsRegistry,
  ) {
    registerMetrics(metrics, sessions);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
    this.heartbeat = setInterval(() => void this.checkConnection(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    this.sessions.distrust();
    await client?.end().catch(() => undefined);
  }

  /** True while ended sessions are heard (and the cache trusted). */
  get listening(): boolean {
    return this.sessions.isTrusted;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    // Past any pooler (DATABASE_DIRECT_URL): a pooler in transaction mode would hand this
    // LISTEN's server session to others, and the cache would be trusted while deaf.
    const client = new pg.Client({
      connectionString: directDatabaseUrlOf(this.config),
      application_name: SESSION_LISTENER_APPLICATION_NAME,
      connectionTimeoutMillis: 5_000,
      query_timeout: HEARTBEAT_TIMEOUT_MS,
      keepAlive: true,
    });
    client.on('notification', (notification) => {
      if (notification.channel !== SESSIONS_CHANNEL) return;
      const message = parseSessionsEnded(notification.payload);
      // Not ours to read: drop everything rather than keep a token that may have ended.
      if (message) this.sessions.ended(message);
      else this.sessions.forgetAll();
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('the connection closed')));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSIONS_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.client !== client) return; // lost or stopped while connecting
    if (this.failures > 0) this.logger.log('Listening for ended sessions again');
    this.failures = 0;
    this.sessions.trust();
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client !== client) return; // already handled, or shut down
    this.client = null;
    this.sessions.distrust();
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures);
    this.failures += 1;
    this.logger.warn(
      `Not listening for ended sessions (${error.message}): every access token is checked ` +
        `against the database until it is back; reconnecting in ${delay} ms`,
    );
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, delay);
    this.retry.unref();
  }

  private async checkConnection(): Promise<void> {
    const client = this.client;
    if (!client || !this.sessions.isTrusted) return;
    try {
      await client.query('SELECT 1');
    } catch (error) {
      this.lost(client, error as Error);
    }
  }
}

/** Whether the cache is trusted now, and how many tokens it answered: read at each scrape. */
function registerMetrics(metrics: MetricsRegistry, sessions: SessionCache): void {
  const registers = [metrics.registry];
  const listening: Gauge = new Gauge({
    name: 'dondoc_session_listener_up',
    help: '1 while this API process hears of ended sessions and trusts its token cache; 0 while it checks every token in the database',
    registers,
    collect: () => listening.set(sessions.isTrusted ? 1 : 0),
  });
  const lookups: Counter<'answered_by'> = new Counter({
    name: 'dondoc_access_token_lookups_total',
    help: 'Access tokens presented to this process: answered by its cache, or verified (signature, claims and session)',
    labelNames: ['answered_by'],
    registers,
    collect: () => {
      lookups.reset();
      lookups.inc({ answered_by: 'cache' }, sessions.lookups.cached);
      lookups.inc({ answered_by: 'verification' }, sessions.lookups.verified);
    },
  });
}
