import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

import { type DocumentReadingConfig, readDocumentReading } from './document-reading.js';

/** The calendar of due dates: every "day" in the product is a day in Vietnam. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/**
 * The whole configuration, validated once at boot. Nothing else in the code base reads
 * `process.env`: services receive this object through dependency injection.
 */
export class AppConfig {
  /** Null in zero-configuration mode, until the embedded database has started. */
  readonly databaseUrl: string | null;
  readonly redisUrl: string;
  readonly port: number;
  readonly jwtSecret: string | null;
  readonly smtpUrl: string | null;
  readonly appUrl: string;
  readonly dataDir: string;
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
  /** Limits and budgets of reading an uploaded document (.docx, .pdf, .txt). */
  readonly documentReading: DocumentReadingConfig;

  constructor(fields: Omit<AppConfig, 'timeZone' | 'withDatabaseUrl' | 'withJwtSecret'>) {
    this.databaseUrl = fields.databaseUrl;
    this.redisUrl = fields.redisUrl;
    this.port = fields.port;
    this.jwtSecret = fields.jwtSecret;
    this.smtpUrl = fields.smtpUrl;
    this.appUrl = fields.appUrl;
    this.dataDir = fields.dataDir;
    this.logLevel = fields.logLevel;
    this.nodeEnv = fields.nodeEnv;
    this.zeroConfig = fields.zeroConfig;
    this.workerPort = fields.workerPort;
    this.workerConcurrency = fields.workerConcurrency;
    this.followUpEveryMinutes = fields.followUpEveryMinutes;
    this.reminderDays = fields.reminderDays;
    this.escalationDays = fields.escalationDays;
    this.documentReading = fields.documentReading;
  }

  /** The same configuration once the embedded database is known. */
  withDatabaseUrl(databaseUrl: string): AppConfig {
    return new AppConfig({ ...this, databaseUrl });
  }

  withJwtSecret(jwtSecret: string): AppConfig {
    return new AppConfig({ ...this, jwtSecret });
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

  const redisUrl = value('REDIS_URL') ?? 'redis://127.0.0.1:6379';
  checkUrl('REDIS_URL', redisUrl, ['redis:', 'rediss:'], problems);

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
  const followUpEveryMinutes = integer('FOLLOW_UP_EVERY_MINUTES', 15, 1, 1440);
  const reminderDays = days('REMINDER_DAYS', '7,1');
  const escalationDays = days('ESCALATION_DAYS', '7');
  const documentReading = readDocumentReading(integer);

  const dataDirText = value('DATA_DIR') ?? '.data';
  const dataDir = isAbsolute(dataDirText) ? dataDirText : resolve(cwd, dataDirText);

  if (problems.length > 0) {
    throw new ConfigException(problems);
  }
  return new AppConfig({
    databaseUrl,
    redisUrl,
    port,
    jwtSecret,
    smtpUrl,
    appUrl: appUrl.replace(/\/+$/, ''),
    dataDir,
    logLevel,
    nodeEnv,
    zeroConfig,
    workerPort,
    workerConcurrency,
    followUpEveryMinutes,
    reminderDays,
    escalationDays,
    documentReading,
  });
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
