import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { directDatabaseUrlOf, migrationUrlOf } from '../database/data-source-options.js';
import { ConfigException, ensureAuditKey, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('runs on the zero-configuration default when nothing is set', () => {
    const config = loadConfig({}, '/srv/dondoc');
    expect(config.zeroConfig).toBe(true);
    expect(config.databaseUrl).toBeNull();
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe('/srv/dondoc/.data');
    expect(config.embeddedSharedDir).toBe('/var/lib/dondoc');
    expect(loadConfig({ EMBEDDED_POSTGRES_SHARED_DIR: 'shared' }, '/srv/dondoc').embeddedSharedDir).toBe(
      '/srv/dondoc/shared',
    );
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(config.trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: 'loopback, 10.0.0.0/8' }).trustedProxies).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
  });

  it('names every bad variable, one line each', () => {
    const attempt = () =>
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: '99999', LOG_LEVEL: 'loud', JWT_SECRET: 'short' });
    expect(attempt).toThrow(ConfigException);
    try {
      attempt();
    } catch (error) {
      const lines = (error as ConfigException).problems;
      expect(lines).toHaveLength(5);
      expect(lines[0]).toMatch(/^DATABASE_URL must start with postgres:\/\//);
      expect(lines[1]).toMatch(/^PORT /);
      expect(lines[2]).toMatch(/^LOG_LEVEL /);
      expect(lines[3]).toMatch(/^JWT_SECRET must be at least 32/);
      expect(lines[4]).toMatch(/^AUDIT_KEY is required when DATABASE_URL is set/);
    }
  });

  it('reads the follow-up settings, and names a bad one', () => {
    const config = loadConfig({ REMINDER_DAYS: '1, 7,3', ESCALATION_DAYS: '14,7', WORKER_CONCURRENCY: '2' });
    expect(config.reminderDays).toEqual([7, 3, 1]);
    expect(config.escalationDays).toEqual([14, 7]);
    expect(config.workerConcurrency).toBe(2);
    expect(config.followUpEveryMinutes).toBe(15);
    expect(() => loadConfig({ REMINDER_DAYS: 'soon' })).toThrow(
      /^REMINDER_DAYS must be a comma-separated list of days/,
    );
    expect(() => loadConfig({ WORKER_CONCURRENCY: '0' })).toThrow(
      /^WORKER_CONCURRENCY must be a whole number from 1 to 64/,
    );
  });

  it('reads the Redis settings: every REDIS_URL form, the queue prefix, the schedule check', () => {
    const defaults = loadConfig({});
    expect(defaults.queuePrefix).toBe('{dondoc}');
    expect(defaults.scheduleCheckEveryMs).toBe(30_000);
    const set = loadConfig({
      REDIS_URL: 'redis+sentinel://s1:26379,s2:26379/dondoc',
      QUEUE_PREFIX: 'dondoc',
      SCHEDULE_CHECK_EVERY_MS: '2000',
    });
    expect([set.redisUrl, set.queuePrefix, set.scheduleCheckEveryMs]).toEqual([
      'redis+sentinel://s1:26379,s2:26379/dondoc',
      'dondoc',
      2000,
    ]);
    expect(loadConfig({ REDIS_URL: 'rediss://cache:6380' }).redisUrl).toBe('rediss://cache:6380');
    expect(() => loadConfig({ REDIS_URL: 'redis+sentinel://s1:26379' })).toThrow(
      /^REDIS_URL names its Sentinel hosts, then the master/,
    );
    expect(() => loadConfig({ REDIS_URL: 'memcached://cache' })).toThrow(
      /^REDIS_URL must start with redis:\/\//,
    );
    for (const prefix of ['a:b', '{a}{b}', '{}', 'x'.repeat(65)]) {
      expect(() => loadConfig({ QUEUE_PREFIX: prefix })).toThrow(/^QUEUE_PREFIX must be/);
    }
    expect(() => loadConfig({ SCHEDULE_CHECK_EVERY_MS: '10' })).toThrow(
      /^SCHEDULE_CHECK_EVERY_MS must be a whole number from 500 to 3600000/,
    );
  });

  it('reads the GraphQL limits, with defaults, and names a bad one', () => {
    expect(loadConfig({}).graphqlLimits).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxFields: 500,
      maxCost: 20_000,
      maxTokens: 5_000,
    });
    expect(loadConfig({ GRAPHQL_MAX_COST: '200000', GRAPHQL_MAX_DEPTH: '8' }).graphqlLimits).toMatchObject({
      maxCost: 200_000,
      maxDepth: 8,
    });
    expect(() => loadConfig({ GRAPHQL_MAX_TOKENS: 'lots' })).toThrow(
      /^GRAPHQL_MAX_TOKENS must be a whole number from 100 to 1000000/,
    );
  });

  it('requires a signing secret once a real database is configured', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/dondoc' })).toThrow(/^JWT_SECRET is required/);
  });

  it('requires an audit key of its own once a real database is configured', () => {
    const database = { DATABASE_URL: 'postgres://db/dondoc', JWT_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig(database)).toThrow(/^AUDIT_KEY is required when DATABASE_URL is set/);
    expect(() => loadConfig({ ...database, AUDIT_KEY: 'short' })).toThrow(
      /^AUDIT_KEY must be at least 32 characters, got 5/,
    );
    expect(() => loadConfig({ ...database, AUDIT_KEY: 'x'.repeat(32) })).toThrow(
      /^AUDIT_KEY must differ from JWT_SECRET/,
    );
    const config = loadConfig({ ...database, AUDIT_KEY: 'k'.repeat(32) }, '/srv/dondoc');
    expect(config.auditKey).toBe('k'.repeat(32));
    expect(config.auditAnchorFile).toBe('/srv/dondoc/.data/audit-anchors.jsonl');
    expect(loadConfig({ AUDIT_ANCHOR_FILE: 'anchors/a.jsonl' }, '/srv').auditAnchorFile).toBe(
      '/srv/anchors/a.jsonl',
    );
  });

  it('generates the audit key into DATA_DIR once in zero configuration, readable by its owner only', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dondoc-audit-key-'));
    const first = ensureAuditKey(loadConfig({ DATA_DIR: dataDir }));
    expect(first.auditKey).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(readFileSync(join(dataDir, 'audit-key'), 'utf8')).toBe(first.auditKey);
    expect(statSync(join(dataDir, 'audit-key')).mode & 0o777).toBe(0o600);
    expect(ensureAuditKey(loadConfig({ DATA_DIR: dataDir })).auditKey).toBe(first.auditKey);
  });

  it('refuses the embedded database in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(
      /DATABASE_URL is required when NODE_ENV is production/,
    );
  });

  it('rejects a DATABASE_URL that is not a URL at all', () => {
    expect(() => loadConfig({ DATABASE_URL: 'not a url', JWT_SECRET: 'x'.repeat(32) })).toThrow(
      /^DATABASE_URL is not a valid URL/,
    );
  });

  it('reads the database budgets, and keeps one request to at most half the pool', () => {
    const defaults = loadConfig({});
    expect(defaults.statementTimeoutMs).toBe(5_000);
    expect(defaults.backgroundStatementTimeoutMs).toBe(600_000);
    expect(defaults.requestTimeoutMs).toBe(15_000);
    expect(defaults.requestMaxConnections).toBe(3);
    expect(defaults.databasePoolSize).toBe(10);
    const set = loadConfig({
      STATEMENT_TIMEOUT_MS: '2000',
      DATABASE_POOL_SIZE: '20',
      REQUEST_MAX_CONNECTIONS: '10',
    });
    expect(set.statementTimeoutMs).toBe(2_000);
    expect(set.requestMaxConnections).toBe(10);
    expect(() => loadConfig({ REQUEST_MAX_CONNECTIONS: '6' })).toThrow(
      /^REQUEST_MAX_CONNECTIONS must be at most half of DATABASE_POOL_SIZE \(10\), got 6/,
    );
    expect(() => loadConfig({ STATEMENT_TIMEOUT_MS: '5s' })).toThrow(
      /^STATEMENT_TIMEOUT_MS must be a whole number/,
    );
  });

  it('keeps the edge closed in production unless configured open', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://h/db',
      JWT_SECRET: 'x'.repeat(32),
      AUDIT_KEY: 'k'.repeat(32),
    };
    const closed = loadConfig(production);
    expect(closed.graphqlIntrospection).toBe(false);
    expect(closed.metricsToken).toBeNull();
    expect(closed.workerHost).toBe('127.0.0.1');
    expect(loadConfig({}).graphqlIntrospection).toBe(true);
    const open = loadConfig({
      ...production,
      GRAPHQL_INTROSPECTION: 'true',
      METRICS_TOKEN: 'scrape-token-0123456789',
      WORKER_HOST: '0.0.0.0',
    });
    expect(open.graphqlIntrospection).toBe(true);
    expect(open.metricsToken).toBe('scrape-token-0123456789');
    expect(open.workerHost).toBe('0.0.0.0');
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: 'yes' })).toThrow(
      /^GRAPHQL_INTROSPECTION must be true or false/,
    );
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(
      /^METRICS_TOKEN must be at least 16 characters/,
    );
  });

  describe('the logins of least privilege', () => {
    const app = {
      DATABASE_URL: 'postgres://dondoc_app:a@db:5432/dondoc',
      JWT_SECRET: 'x'.repeat(32),
      AUDIT_KEY: 'k'.repeat(32),
    };

    it('migrates as the owner when MIGRATION_DATABASE_URL names one, else with DATABASE_URL', () => {
      const single = loadConfig(app);
      expect(single.migrationDatabaseUrl).toBeNull();
      expect(single.databaseAdminUrl).toBeNull();
      const roles = loadConfig({
        ...app,
        MIGRATION_DATABASE_URL: 'postgres://dondoc_owner:o@db:5432/dondoc',
        DATABASE_ADMIN_URL: 'postgres://postgres:p@db:5432/dondoc',
      });
      expect(roles.migrationDatabaseUrl).toBe('postgres://dondoc_owner:o@db:5432/dondoc');
      expect(roles.databaseAdminUrl).toBe('postgres://postgres:p@db:5432/dondoc');
    });

    it.each([
      [
        'another database',
        { MIGRATION_DATABASE_URL: 'postgres://dondoc_owner@db:5432/other' },
        /^MIGRATION_DATABASE_URL must name the server and database of DATABASE_URL \(db:5432\/dondoc\)/,
      ],
      [
        'the application role itself',
        { MIGRATION_DATABASE_URL: 'postgres://dondoc_app:a@db:5432/dondoc' },
        /^MIGRATION_DATABASE_URL must log in as another role than DATABASE_URL/,
      ],
      [
        'a role name to be quoted',
        { MIGRATION_DATABASE_URL: 'postgres://Owner@db:5432/dondoc' },
        /^MIGRATION_DATABASE_URL: the role "Owner" is not a plain role name/,
      ],
      [
        'another server',
        { DATABASE_ADMIN_URL: 'postgres://postgres@elsewhere:5432/dondoc' },
        /^DATABASE_ADMIN_URL must name the server and database of DATABASE_URL/,
      ],
      ['not a URL', { DATABASE_ADMIN_URL: 'admin' }, /^DATABASE_ADMIN_URL is not a valid URL/],
    ])('refuses a MIGRATION_DATABASE_URL or DATABASE_ADMIN_URL naming %s', (_, env, problem) => {
      expect(() => loadConfig({ ...app, ...env })).toThrow(problem);
    });

    it('refuses them without DATABASE_URL: the embedded database makes its own roles', () => {
      expect(() => loadConfig({ MIGRATION_DATABASE_URL: 'postgres://dondoc_owner@db/dondoc' })).toThrow(
        /^MIGRATION_DATABASE_URL needs DATABASE_URL/,
      );
    });
  });

  describe('behind PgBouncer', () => {
    const pooled = {
      DATABASE_URL: 'postgres://dondoc_app:a@pgbouncer:6432/dondoc',
      JWT_SECRET: 'x'.repeat(32),
      AUDIT_KEY: 'k'.repeat(32),
    };
    const direct = 'postgres://dondoc_app:a@db:5432/dondoc';

    it('uses DATABASE_URL for sessions too when nothing else is said; the direct URL when given', () => {
      const plain = loadConfig(pooled);
      expect(plain.databasePooler).toBe('none');
      expect(directDatabaseUrlOf(plain)).toBe(pooled.DATABASE_URL);
      expect(migrationUrlOf(plain)).toBe(pooled.DATABASE_URL);
      const behind = loadConfig({ ...pooled, DATABASE_POOLER: 'pgbouncer', DATABASE_DIRECT_URL: direct });
      expect(behind.databasePooler).toBe('pgbouncer');
      expect(directDatabaseUrlOf(behind)).toBe(direct);
      expect(migrationUrlOf(behind)).toBe(direct);
      // The owner's login is named on the direct server, not the pooler's.
      const owner = 'postgres://dondoc_owner:o@db:5432/dondoc';
      expect(
        migrationUrlOf(loadConfig({ ...pooled, DATABASE_DIRECT_URL: direct, MIGRATION_DATABASE_URL: owner })),
      ).toBe(owner);
    });

    it.each([
      [
        'a pooler without a direct connection',
        { DATABASE_POOLER: 'pgbouncer' },
        /^DATABASE_POOLER=pgbouncer needs DATABASE_DIRECT_URL/,
      ],
      [
        'a direct connection that is the pooled one',
        { DATABASE_POOLER: 'pgbouncer', DATABASE_DIRECT_URL: pooled.DATABASE_URL },
        /^DATABASE_POOLER=pgbouncer needs DATABASE_DIRECT_URL/,
      ],
      [
        'an unknown pooler',
        { DATABASE_POOLER: 'pgpool' },
        /^DATABASE_POOLER must be none or pgbouncer, got "pgpool"/,
      ],
      [
        'a direct URL of another kind',
        { DATABASE_DIRECT_URL: 'mysql://db/dondoc' },
        /^DATABASE_DIRECT_URL must start with postgres:\/\//,
      ],
      [
        'an owner on the pooler',
        {
          DATABASE_DIRECT_URL: direct,
          MIGRATION_DATABASE_URL: 'postgres://dondoc_owner:o@pgbouncer:6432/dondoc',
        },
        /^MIGRATION_DATABASE_URL must name the server and database of DATABASE_DIRECT_URL \(db:5432\/dondoc\)/,
      ],
    ])('refuses %s', (_, env, problem) => {
      expect(() => loadConfig({ ...pooled, ...env })).toThrow(problem);
    });

    it('refuses a direct URL or a pooler without DATABASE_URL: the embedded database is direct', () => {
      expect(() => loadConfig({ DATABASE_DIRECT_URL: direct })).toThrow(
        /^DATABASE_DIRECT_URL needs DATABASE_URL/,
      );
      expect(() => loadConfig({ DATABASE_POOLER: 'pgbouncer' })).toThrow(
        /^DATABASE_POOLER=pgbouncer needs DATABASE_URL/,
      );
    });
  });
});
