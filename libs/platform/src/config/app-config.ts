import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

import { loginOf, roleNameProblem } from '../database/database-roles.js';
import { DEFAULT_QUEUE_PREFIX, redisOptionsFromUrl } from '../queues/redis-connection.js';
import { type DocumentReadingConfig, readDocumentReading } from './document-reading.js';
import { type MailRetryConfig, readMailRetry } from './mail-retry.js';
import { readTrustedProxies } from './trusted-proxies.js';

/** The calendar of due dates: every "day" in the product is a day in Vietnam. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** What one GraphQL operation may ask for, checked on the parsed operation before anything runs. */
export interface GraphqlLimits {
  /** Nesting of fields (introspection is bounded by graphql-js itself). */
  maxDepth: number;
  /** Aliased fields, fragments expanded. */
  maxAliases: number;
  /** Field selections, fragments expanded. */
  maxFields: number;
  /** Objects the operation may return at most: a list counts its page size times its children. */
  maxCost: number;
  /** Lexical tokens in the document, enforced while parsing. */
  maxTokens: number;
}

/**
 * The whole configuration, validated once at boot. Nothing else in the code base reads
 * `process.env`: services receive this object through dependency injection.
 */
export class AppConfig {
  /** Null in zero-configuration mode, until the embedded database has started. */
  readonly databaseUrl: string | null;
  /**
   * The owner role's login, for migrations (and nothing else); null: migrations run with
   * `databaseUrl`, one login for everything.
   */
  readonly migrationDatabaseUrl: string | null;
  /** A superuser or CREATEROLE login for `cli db roles` only; null when not given. */
  readonly databaseAdminUrl: string | null;
  /**
   * A connection straight to PostgreSQL, past any pooler, for what needs a session of its own
   * (LISTEN, advisory locks held across statements); null: `databaseUrl` is direct already.
   */
  readonly databaseDirectUrl: string | null;
  /**
   * What `databaseUrl` leads to: PostgreSQL itself, or PgBouncer in transaction mode, which
   * refuses per-connection settings (the pooler's `connect_query` sets them instead).
   */
  readonly databasePooler: DatabasePooler;
  /** `redis://`, `rediss://` or `redis+sentinel://` (queues/redis-connection.ts). */
  readonly redisUrl: string;
  /** What every BullMQ key starts with; the worker and the queue board must agree. */
  readonly queuePrefix: string;
  /** How often a worker checks that the job schedulers are still in Redis. */
  readonly scheduleCheckEveryMs: number;
  /** An outbox row queued this long ago whose job has not run is queued again (Redis lost it). */
  readonly outboxRedeliverAfterMs: number;
  readonly port: number;
  readonly jwtSecret: string | null;
  /** Keys the audit chain (HMAC); kept outside the database. Null until generated in zero configuration. */
  readonly auditKey: string | null;
  /** The append-only file `audit anchor` writes the head of the chain to. */
  readonly auditAnchorFile: string;
  readonly smtpUrl: string | null;
  readonly appUrl: string;
  readonly dataDir: string;
  /** As root only: where the embedded PostgreSQL goes when the `postgres` user cannot reach the checkout or DATA_DIR. */
  readonly embeddedSharedDir: string;
  readonly logLevel: LogLevel;
  readonly nodeEnv: NodeEnv;
  readonly timeZone = TIME_ZONE;
  /** True when no DATABASE_URL was given: embedded PostgreSQL, generated secret, demo data. */
  readonly zeroConfig: boolean;
  /** The worker's own HTTP port (health and metrics). */
  readonly workerPort: number;
  /** Jobs a worker runs at once per queue. */
  readonly workerConcurrency: number;
  /** Minutes between follow-up sweeps (transitions, reminders, escalation). */
  readonly followUpEveryMinutes: number;
  /** Reminders this many days before a due date. */
  readonly reminderDays: number[];
  /** Escalate work overdue by this many days. */
  readonly escalationDays: number[];
  /** Connections the API keeps to PostgreSQL. */
  readonly databasePoolSize: number;
  /** Longest one SQL statement of the API may run (PostgreSQL `statement_timeout`). */
  readonly statementTimeoutMs: number;
  /** The same for the worker and the CLI, whose work is larger by nature; 0 means none. */
  readonly backgroundStatementTimeoutMs: number;
  /** Time after which an API request may not start more database work. */
  readonly requestTimeoutMs: number;
  /** Database connections one API request may hold at the same time. */
  readonly requestMaxConnections: number;
  /** The interface the worker's HTTP port listens on (loopback unless configured). */
  readonly workerHost: string;
  /** Bearer token /metrics asks for; null: open outside production, refused in production. */
  readonly metricsToken: string | null;
  /** Whether GraphQL answers introspection and "Did you mean …" suggestions. */
  readonly graphqlIntrospection: boolean;
  /** Limits on one GraphQL operation's shape and cost. */
  readonly graphqlLimits: GraphqlLimits;
  /** Limits and budgets of reading an uploaded document (.docx, .pdf, .txt). */
  readonly documentReading: DocumentReadingConfig;
  /** Peers whose X-Forwarded-For gives the client's address (Express `trust proxy`); none when empty. */
  readonly trustedProxies: string[];
  /** Back-off and giving up of failed e-mail (MAIL_RETRY_*, MAIL_GIVE_UP_AFTER_ATTEMPTS). */
  readonly mailRetry: MailRetryConfig;

  constructor(fields: Omit<AppConfig, 'timeZone' | 'withDatabaseUrls' | 'withJwtSecret' | 'withAuditKey'>) {
    this.databaseUrl = fields.databaseUrl;
    this.migrationDatabaseUrl = fields.migrationDatabaseUrl;
    this.databaseAdminUrl = fields.databaseAdminUrl;
    this.databaseDirectUrl = fields.databaseDirectUrl;
    this.databasePooler = fields.databasePooler;
    this.redisUrl = fields.redisUrl;
    this.queuePrefix = fields.queuePrefix;
    this.scheduleCheckEveryMs = fields.scheduleCheckEveryMs;
    this.outboxRedeliverAfterMs = fields.outboxRedeliverAfterMs;
    this.port = fields.port;
    this.jwtSecret = fields.jwtSecret;
    this.auditKey = fields.auditKey;
    this.auditAnchorFile = fields.auditAnchorFile;
    this.smtpUrl = fields.smtpUrl;
    this.appUrl = fields.appUrl;
    this.dataDir = fields.dataDir;
    this.embeddedSharedDir = fields.embeddedSharedDir;
    this.logLevel = fields.logLevel;
    this.nodeEnv = fields.nodeEnv;
    this.zeroConfig = fields.zeroConfig;
    this.workerPort = fields.workerPort;
    this.workerConcurrency = fields.workerConcurrency;
    this.followUpEveryMinutes = fields.followUpEveryMinutes;
    this.reminderDays = fields.reminderDays;
    this.escalationDays = fields.escalationDays;
    this.databasePoolSize = fields.databasePoolSize;
    this.statementTimeoutMs = fields.statementTimeoutMs;
    this.backgroundStatementTimeoutMs = fields.backgroundStatementTimeoutMs;
    this.requestTimeoutMs = fields.requestTimeoutMs;
    this.requestMaxConnections = fields.requestMaxConnections;
    this.workerHost = fields.workerHost;
    this.metricsToken = fields.metricsToken;
    this.graphqlIntrospection = fields.graphqlIntrospection;
    this.graphqlLimits = fields.graphqlLimits;
    this.documentReading = fields.documentReading;
    this.trustedProxies = fields.trustedProxies;
    this.mailRetry = fields.mailRetry;
  }

  /** The same configuration once the embedded database and its roles are known. */
  withDatabaseUrls(
    urls: Pick<AppConfig, 'databaseUrl' | 'migrationDatabaseUrl' | 'databaseAdminUrl'>,
  ): AppConfig {
    return new AppConfig({ ...this, ...urls });
  }

  withJwtSecret(jwtSecret: string): AppConfig {
    return new AppConfig({ ...this, jwtSecret });
  }

  withAuditKey(auditKey: string): AppConfig {
    return new AppConfig({ ...this, auditKey });
  }
}

/** Every problem found in the environment, one line each, so the operator fixes them all at once. */
export class ConfigException extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigException';
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates the environment. Throws a ConfigException naming every bad variable. */
export function loadConfig(env: Env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };

  const databaseUrl = value('DATABASE_URL') ?? null;
  if (databaseUrl !== null) {
    checkUrl('DATABASE_URL', databaseUrl, ['postgres:', 'postgresql:'], problems);
  }

  const migrationDatabaseUrl = value('MIGRATION_DATABASE_URL') ?? null;
  const databaseAdminUrl = value('DATABASE_ADMIN_URL') ?? null;
  const databaseDirectUrl = value('DATABASE_DIRECT_URL') ?? null;
  const databasePooler = readDatabasePooler(value('DATABASE_POOLER'), problems);
  checkDirectConnection(databaseUrl, databaseDirectUrl, databasePooler, problems);
  checkDatabaseLogins(databaseUrl, databaseDirectUrl, migrationDatabaseUrl, databaseAdminUrl, problems);

  const redisUrl = value('REDIS_URL') ?? 'redis://127.0.0.1:6379';
  try {
    redisOptionsFromUrl(redisUrl);
  } catch (error) {
    problems.push((error as Error).message);
  }
  // Braces allowed for a Redis Cluster hash tag; ':' is BullMQ's own separator.
  const queuePrefix = value('QUEUE_PREFIX') ?? DEFAULT_QUEUE_PREFIX;
  if (!/^[A-Za-z0-9_.{}-]{1,64}$/.test(queuePrefix) || !/^[^{}]*(\{[^{}]+\}[^{}]*)?$/.test(queuePrefix)) {
    problems.push(
      `QUEUE_PREFIX must be letters, digits, . _ - and at most one {hash tag}, e.g. "${DEFAULT_QUEUE_PREFIX}", got "${queuePrefix}"`,
    );
  }

  const portText = value('PORT') ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    problems.push(`PORT must be a TCP port between 1 and 65535, got "${portText}"`);
  }

  const nodeEnv = (value('NODE_ENV') ?? 'development') as NodeEnv;
  if (!NODE_ENVS.includes(nodeEnv)) {
    problems.push(`NODE_ENV must be one of ${NODE_ENVS.join(', ')}, got "${nodeEnv}"`);
  }

  const logLevel = (value('LOG_LEVEL') ?? (nodeEnv === 'test' ? 'warn' : 'info')) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const zeroConfig = databaseUrl === null;
  if (zeroConfig && nodeEnv === 'production') {
    problems.push(
      'DATABASE_URL is required when NODE_ENV is production (the embedded database is for trying the product)',
    );
  }

  const jwtSecret = value('JWT_SECRET') ?? null;
  if (jwtSecret === null && !zeroConfig) {
    problems.push('JWT_SECRET is required when DATABASE_URL is set (at least 32 characters)');
  } else if (jwtSecret !== null && jwtSecret.length < 32) {
    problems.push(`JWT_SECRET must be at least 32 characters, got ${jwtSecret.length}`);
  }

  // Not the JWT secret: a leaked signing secret must not also let anyone forge the audit trail.
  const auditKey = value('AUDIT_KEY') ?? null;
  if (auditKey === null && !zeroConfig) {
    problems.push('AUDIT_KEY is required when DATABASE_URL is set (at least 32 characters)');
  } else if (auditKey !== null && auditKey.length < 32) {
    problems.push(`AUDIT_KEY must be at least 32 characters, got ${auditKey.length}`);
  } else if (auditKey !== null && auditKey === jwtSecret) {
    problems.push('AUDIT_KEY must differ from JWT_SECRET');
  }

  const smtpUrl = value('SMTP_URL') ?? null;
  if (smtpUrl !== null) {
    checkUrl('SMTP_URL', smtpUrl, ['smtp:', 'smtps:'], problems);
  }

  const appUrl =
    value('APP_URL') ?? `http://localhost:${problems.some((p) => p.startsWith('PORT')) ? 3000 : port}`;
  checkUrl('APP_URL', appUrl, ['http:', 'https:'], problems);

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const text = value(name) ?? String(fallback);
    const number = Number(text);
    if (!/^\d+$/.test(text) || number < min || number > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
      return fallback;
    }
    return number;
  };
  const days = (name: string, fallback: string): number[] => {
    const text = value(name) ?? fallback;
    const list = text.split(',').map((part) => part.trim());
    if (list.some((part) => !/^\d{1,3}$/.test(part))) {
      problems.push(`${name} must be a comma-separated list of days, e.g. "${fallback}", got "${text}"`);
      return fallback.split(',').map(Number);
    }
    return [...new Set(list.map(Number))].sort((a, b) => b - a);
  };
  const workerPort = integer('WORKER_PORT', 3001, 1, 65535);
  const workerConcurrency = integer('WORKER_CONCURRENCY', 4, 1, 64);
  const scheduleCheckEveryMs = integer('SCHEDULE_CHECK_EVERY_MS', 30_000, 500, 3_600_000);
  const outboxRedeliverAfterMs = integer('OUTBOX_REDELIVER_AFTER_MS', 60_000, 1_000, 86_400_000);
  const followUpEveryMinutes = integer('FOLLOW_UP_EVERY_MINUTES', 15, 1, 1440);
  const reminderDays = days('REMINDER_DAYS', '7,1');
  const escalationDays = days('ESCALATION_DAYS', '7');
  const databasePoolSize = integer('DATABASE_POOL_SIZE', 10, 2, 500);
  const statementTimeoutMs = integer('STATEMENT_TIMEOUT_MS', 5_000, 100, 3_600_000);
  const backgroundStatementTimeoutMs = integer('BACKGROUND_STATEMENT_TIMEOUT_MS', 600_000, 0, 86_400_000);
  const requestTimeoutMs = integer('REQUEST_TIMEOUT_MS', 15_000, 100, 3_600_000);
  // Half the pool at most, so one request can never starve everyone else.
  const requestMaxConnections = integer('REQUEST_MAX_CONNECTIONS', 3, 1, 500);
  if (requestMaxConnections > Math.floor(databasePoolSize / 2)) {
    problems.push(
      `REQUEST_MAX_CONNECTIONS must be at most half of DATABASE_POOL_SIZE (${databasePoolSize}), got ${requestMaxConnections}`,
    );
  }

  // Loopback by default: health and metrics of the worker are for the host, not the network.
  const workerHost = value('WORKER_HOST') ?? '127.0.0.1';
  if (!/^[0-9A-Za-z.:-]+$/.test(workerHost)) {
    problems.push(`WORKER_HOST must be an address or host name such as 0.0.0.0, got "${workerHost}"`);
  }
  const metricsToken = value('METRICS_TOKEN') ?? null;
  if (metricsToken !== null && metricsToken.length < 16) {
    problems.push(`METRICS_TOKEN must be at least 16 characters, got ${metricsToken.length}`);
  }
  const introspectionText = value('GRAPHQL_INTROSPECTION');
  if (introspectionText !== undefined && !['true', 'false'].includes(introspectionText)) {
    problems.push(`GRAPHQL_INTROSPECTION must be true or false, got "${introspectionText}"`);
  }
  const graphqlIntrospection =
    introspectionText === undefined ? nodeEnv !== 'production' : introspectionText === 'true';
  const graphqlLimits: GraphqlLimits = {
    maxDepth: integer('GRAPHQL_MAX_DEPTH', 12, 2, 100),
    maxAliases: integer('GRAPHQL_MAX_ALIASES', 30, 0, 10_000),
    maxFields: integer('GRAPHQL_MAX_FIELDS', 500, 10, 100_000),
    maxCost: integer('GRAPHQL_MAX_COST', 20_000, 100, 100_000_000),
    maxTokens: integer('GRAPHQL_MAX_TOKENS', 5_000, 100, 1_000_000),
  };
  const documentReading = readDocumentReading(integer);
  // An import stores the document after reading it: a read may not use up the request's time.
  if (documentReading.timeoutMs >= requestTimeoutMs) {
    problems.push(
      `PARSE_TIMEOUT_SECONDS must be shorter than REQUEST_TIMEOUT_MS (${requestTimeoutMs} ms), got ${documentReading.timeoutMs / 1000}`,
    );
  }

  const trustedProxies = readTrustedProxies(value('TRUSTED_PROXIES'), problems);
  const mailRetry = readMailRetry(integer, problems);

  const dataDirText = value('DATA_DIR') ?? '.data';
  const dataDir = isAbsolute(dataDirText) ? dataDirText : resolve(cwd, dataDirText);
  const sharedDirText = value('EMBEDDED_POSTGRES_SHARED_DIR') ?? '/var/lib/dondoc';
  const embeddedSharedDir = isAbsolute(sharedDirText) ? sharedDirText : resolve(cwd, sharedDirText);
  const anchorFileText = value('AUDIT_ANCHOR_FILE') ?? join(dataDir, 'audit-anchors.jsonl');
  const auditAnchorFile = isAbsolute(anchorFileText) ? anchorFileText : resolve(cwd, anchorFileText);

  if (problems.length > 0) {
    throw new ConfigException(problems);
  }
  return new AppConfig({
    databaseUrl,
    migrationDatabaseUrl,
    databaseAdminUrl,
    databaseDirectUrl,
    databasePooler,
    redisUrl,
    queuePrefix,
    scheduleCheckEveryMs,
    outboxRedeliverAfterMs,
    port,
    jwtSecret,
    auditKey,
    auditAnchorFile,
    smtpUrl,
    appUrl: appUrl.replace(/\/+$/, ''),
    dataDir,
    embeddedSharedDir,
    logLevel,
    nodeEnv,
    zeroConfig,
    workerPort,
    workerConcurrency,
    followUpEveryMinutes,
    reminderDays,
    escalationDays,
    databasePoolSize,
    statementTimeoutMs,
    backgroundStatementTimeoutMs,
    requestTimeoutMs,
    requestMaxConnections,
    workerHost,
    metricsToken,
    graphqlIntrospection,
    graphqlLimits,
    documentReading,
    trustedProxies,
    mailRetry,
  });
}

const DATABASE_POOLERS = ['none', 'pgbouncer'] as const;
export type DatabasePooler = (typeof DATABASE_POOLERS)[number];

function readDatabasePooler(text: string | undefined, problems: string[]): DatabasePooler {
  const pooler = text ?? 'none';
  if ((DATABASE_POOLERS as readonly string[]).includes(pooler)) return pooler as DatabasePooler;
  problems.push(`DATABASE_POOLER must be ${DATABASE_POOLERS.join(' or ')}, got "${pooler}"`);
  return 'none';
}

/**
 * Behind a pooler in transaction mode a LISTEN is heard only while the pooler happens to
 * give the same server connection back, and an advisory lock outlives the statement that
 * took it on a connection someone else gets next: both need a direct connection.
 */
function checkDirectConnection(
  databaseUrl: string | null,
  databaseDirectUrl: string | null,
  pooler: DatabasePooler,
  problems: string[],
): void {
  if (databaseDirectUrl !== null) {
    if (databaseUrl === null) {
      problems.push('DATABASE_DIRECT_URL needs DATABASE_URL (the embedded database is always direct)');
    } else {
      checkUrl('DATABASE_DIRECT_URL', databaseDirectUrl, ['postgres:', 'postgresql:'], problems);
    }
  }
  if (pooler === 'none') return;
  if (databaseUrl === null) {
    problems.push(`DATABASE_POOLER=${pooler} needs DATABASE_URL (the embedded database has no pooler)`);
  } else if (databaseDirectUrl === null || databaseDirectUrl === databaseUrl) {
    problems.push(
      `DATABASE_POOLER=${pooler} needs DATABASE_DIRECT_URL, a connection to PostgreSQL past the pooler: ` +
        'through it LISTEN (ended sessions, the outbox) would miss notifications',
    );
  }
}

/**
 * The owner's and the administrator's logins go with the direct connection (DATABASE_DIRECT_URL,
 * else DATABASE_URL): the same server and database, and a role of its own for the owner (least
 * privilege means two roles). They take advisory locks, so they never go through a pooler.
 */
function checkDatabaseLogins(
  databaseUrl: string | null,
  databaseDirectUrl: string | null,
  migrationDatabaseUrl: string | null,
  databaseAdminUrl: string | null,
  problems: string[],
): void {
  const others = { MIGRATION_DATABASE_URL: migrationDatabaseUrl, DATABASE_ADMIN_URL: databaseAdminUrl };
  const [referenceName, reference] =
    databaseDirectUrl === null ? ['DATABASE_URL', databaseUrl] : ['DATABASE_DIRECT_URL', databaseDirectUrl];
  for (const [name, url] of Object.entries(others)) {
    if (url === null) continue;
    if (databaseUrl === null || reference === null) {
      problems.push(`${name} needs DATABASE_URL (without it the embedded database manages its roles itself)`);
      continue;
    }
    const before = problems.length;
    checkUrl(name, url, ['postgres:', 'postgresql:'], problems);
    if (problems.length > before || !URL.canParse(reference)) continue;
    const [own, app] = [new URL(url), new URL(reference)];
    if (own.host !== app.host || own.pathname !== app.pathname) {
      problems.push(
        `${name} must name the server and database of ${referenceName} (${app.host}${app.pathname})`,
      );
    }
  }
  if (migrationDatabaseUrl !== null && databaseUrl !== null && URL.canParse(migrationDatabaseUrl)) {
    const owner = loginOf(migrationDatabaseUrl).name;
    const problem = owner === '' ? 'names no user' : roleNameProblem(owner);
    if (problem !== null) problems.push(`MIGRATION_DATABASE_URL: the role ${problem}`);
    else if (URL.canParse(databaseUrl) && loginOf(databaseUrl).name === owner) {
      problems.push(
        'MIGRATION_DATABASE_URL must log in as another role than DATABASE_URL (the owner, not the application)',
      );
    }
  }
}

function checkUrl(name: string, text: string, protocols: string[], problems: string[]): void {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problems.push(`${name} is not a valid URL (expected ${protocols[0]}//…)`);
    return;
  }
  if (!protocols.includes(url.protocol)) {
    problems.push(
      `${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${url.protocol}//"`,
    );
  } else if (url.hostname === '') {
    problems.push(`${name} has no host`);
  }
}

/**
 * In zero-configuration mode the signing secret is generated once and kept under DATA_DIR,
 * so sessions survive a restart without anyone having to configure anything.
 */
export function ensureJwtSecret(config: AppConfig): AppConfig {
  if (config.jwtSecret !== null) return config;
  const file = join(config.dataDir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return config.withJwtSecret(readFileSync(file, 'utf8').trim());
}

/**
 * The same for the key of the audit chain: generated once into DATA_DIR/audit-key. It is
 * outside the database, so whoever only holds the database cannot recompute the chain.
 */
export function ensureAuditKey(config: AppConfig): AppConfig {
  if (config.auditKey !== null) return config;
  const file = join(config.dataDir, 'audit-key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    // 'wx': of two processes starting at once, one writes the key and the other reads it.
    try {
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return config.withAuditKey(readFileSync(file, 'utf8').trim());
}
