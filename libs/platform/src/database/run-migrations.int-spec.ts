import { randomBytes } from 'node:crypto';

import { adminUrl, withAdminClient, withDatabase } from '@dondoc/test-support';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { buildDataSourceOptions } from './data-source-options.js';
import { migrations } from './migrations/index.js';
import { runMigrations } from './run-migrations.js';

describe('migrations on an empty database', () => {
  const name = `dondoc_t_${process.pid}_empty_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(adminUrl(), name);

  beforeAll(() => withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`)));
  afterAll(() => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

  async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it('applies every migration, then finds nothing left to do', async () => {
    const first = await runMigrations(url);
    expect(first.applied).toEqual(migrations.map((migration) => migration.name));
    const second = await runMigrations(url);
    expect(second.applied).toEqual([]);
  });

  it('enables unaccent, pg_trgm and ltree', async () => {
    const rows = await query<{ extname: string }>('SELECT extname FROM pg_extension ORDER BY extname');
    expect(rows.map((row) => row.extname)).toEqual(expect.arrayContaining(['ltree', 'pg_trgm', 'unaccent']));
  });

  it("reads Vietnamese without diacritics: unaccent('Đôn đốc') is 'Don doc'", async () => {
    const [row] = await query<{ plain: string; indexable: string; same: boolean }>(
      `SELECT unaccent('Đôn đốc') AS plain,
              immutable_unaccent('Ban Dân vận Tỉnh ủy') AS indexable,
              immutable_unaccent('hoà') = immutable_unaccent('hòa') AS same`,
    );
    expect(row).toEqual({ plain: 'Don doc', indexable: 'Ban Dan van Tinh uy', same: true });
  });

  it('runs concurrently from several processes without applying anything twice', async () => {
    const other = `dondoc_t_${process.pid}_race_${randomBytes(4).toString('hex')}`;
    await withAdminClient((client) => client.query(`CREATE DATABASE "${other}"`));
    try {
      const otherUrl = withDatabase(adminUrl(), other);
      const results = await Promise.all([
        runMigrations(otherUrl),
        runMigrations(otherUrl),
        runMigrations(otherUrl),
      ]);
      expect(results.flatMap((result) => result.applied)).toHaveLength(migrations.length);
    } finally {
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${other}" WITH (FORCE)`));
    }
  });

  it('undoes every migration with its down step, and applies them again', async () => {
    const dataSource = new DataSource(buildDataSourceOptions({ url, poolSize: 1 }));
    await dataSource.initialize();
    try {
      for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration();
      const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM migrations');
      expect(count).toBe(0);
    } finally {
      await dataSource.destroy();
    }
    expect(
      (await query<{ extname: string }>("SELECT extname FROM pg_extension WHERE extname = 'ltree'")).length,
    ).toBe(0);
    expect((await runMigrations(url)).applied).toHaveLength(migrations.length);
  });
});
