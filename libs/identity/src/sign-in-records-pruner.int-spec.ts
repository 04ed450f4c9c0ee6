import { buildDataSourceOptions, FixedClock } from '@dondoc/platform';
import { createTestDatabase, type TestDatabase } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import { PRUNE_STATEMENTS, SignInRecordsPruner } from './sign-in-records-pruner.js';

const NOW = new Date('2026-11-27T03:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe('SignInRecordsPruner on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let userId: string;
  const pruner = () => new SignInRecordsPruner(dataSource, new FixedClock(NOW));

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(
      buildDataSourceOptions({ url: database.url, poolSize: 4 }),
    ).initialize();
    const [organization] = (await dataSource.query(
      `INSERT INTO organizations (name, kind, level, path)
       VALUES ('Tỉnh ủy', 'PARTY_COMMITTEE', 'PROVINCE', 'p01') RETURNING id`,
    )) as [{ id: string }];
    [{ id: userId }] = (await dataSource.query(
      `INSERT INTO users (email, name, organization_id, roles, password_hash)
       VALUES ('canbo@test.local', 'Cán bộ', $1, '{ORG_OFFICER}', 'x') RETURNING id`,
      [organization.id],
    )) as [{ id: string }];
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  beforeEach(async () => {
    await dataSource.query('DELETE FROM login_attempts');
    await dataSource.query('DELETE FROM refresh_tokens');
  });

  async function attempt(label: string, at: Date, succeeded = false): Promise<void> {
    await dataSource.query(
      'INSERT INTO login_attempts (email, address, succeeded, attempted_at) VALUES ($1, $2, $3, $4)',
      [`${label}@test.local`, '192.0.2.1', succeeded, at],
    );
  }

  async function token(label: string, ends: { expiresAt: Date; revokedAt?: Date; usedAt?: Date }) {
    await dataSource.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, revoked_at, used_at)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, $5)`,
      [userId, label, ends.expiresAt, ends.revokedAt ?? null, ends.usedAt ?? null],
    );
  }

  const remaining = async () => ({
    attempts: (
      (await dataSource.query('SELECT email FROM login_attempts ORDER BY email')) as { email: string }[]
    ).map((row) => row.email.replace('@test.local', '')),
    tokens: (
      (await dataSource.query('SELECT token_hash FROM refresh_tokens ORDER BY token_hash')) as {
        token_hash: string;
      }[]
    ).map((row) => row.token_hash),
  });

  it('deletes attempts older than a day and tokens ended over a week ago, batch after batch, and only those', async () => {
    for (let i = 0; i < 7; i++) await attempt(`old-${i}`, ago(1 + (i + 1) / 24), i % 2 === 0);
    await attempt('recent-failure', ago(0.9));
    await attempt('recent-success', ago(0.01), true);
    await token('expired-8-days-ago', { expiresAt: ago(8) });
    await token('expired-6-days-ago', { expiresAt: ago(6) });
    await token('revoked-8-days-ago', { expiresAt: ago(-20), revokedAt: ago(8) });
    await token('revoked-2-days-ago', { expiresAt: ago(-20), revokedAt: ago(2) });
    // Used but live: presented again it reveals a theft, so it must stay until it expires.
    await token('used-live', { expiresAt: ago(-20), usedAt: ago(9) });
    await token('live', { expiresAt: ago(-29) });

    // Batches of two: seven old attempts take four statements.
    expect(await pruner().prune(2)).toEqual({
      loginAttempts: 7,
      expiredRefreshTokens: 1,
      revokedRefreshTokens: 1,
    });
    expect(await remaining()).toEqual({
      attempts: ['recent-failure', 'recent-success'],
      tokens: ['expired-6-days-ago', 'live', 'revoked-2-days-ago', 'used-live'],
    });
  });

  it('deletes nothing more when run again, or by two workers at once', async () => {
    for (let i = 0; i < 50; i++) await attempt(`old-${i}`, ago(2));
    const [first, second] = await Promise.all([pruner().prune(10), pruner().prune(10)]);
    expect(first.loginAttempts + second.loginAttempts).toBe(50);
    expect(await pruner().prune()).toEqual({
      loginAttempts: 0,
      expiredRefreshTokens: 0,
      revokedRefreshTokens: 0,
    });
  });

  it('finds the rows to delete through an index, not by reading the whole table', async () => {
    // A realistic shape: many recent rows, few old ones; the planner then prefers the index.
    await dataSource.query(
      `INSERT INTO login_attempts (email, address, succeeded, attempted_at)
       SELECT 'u' || n || '@test.local', '192.0.2.1', n % 3 = 0, $1::timestamptz - n * interval '1 second'
         FROM generate_series(1, 20000) AS n`,
      [NOW],
    );
    await dataSource.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, revoked_at)
       SELECT $1, gen_random_uuid(), 't' || n, $2::timestamptz + n * interval '1 minute',
              CASE WHEN n % 50 = 0 THEN $2::timestamptz - interval '1 hour' END
         FROM generate_series(1, 20000) AS n`,
      [userId, NOW],
    );
    await dataSource.query('ANALYZE login_attempts');
    await dataSource.query('ANALYZE refresh_tokens');
    const plans: Record<string, string> = {};
    for (const [name, statement] of Object.entries(PRUNE_STATEMENTS)) {
      const rows = (await dataSource.query(`EXPLAIN ${statement}`, [ago(7), 5_000])) as {
        'QUERY PLAN': string;
      }[];
      plans[name] = rows.map((row) => row['QUERY PLAN']).join('\n');
    }
    expect(plans.loginAttempts).toMatch(/Index (Only )?Scan using login_attempts_attempted_at/);
    expect(plans.expiredRefreshTokens).toMatch(/Index (Only )?Scan using refresh_tokens_expires_at/);
    expect(plans.revokedRefreshTokens).toMatch(/Index (Only )?Scan using refresh_tokens_revoked_at/);
    for (const plan of Object.values(plans)) expect(plan).not.toMatch(/Seq Scan/);
  });
});
