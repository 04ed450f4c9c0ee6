import { randomBytes } from 'node:crypto';

import { adminUrl, withAdminClient, withDatabase } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import { DomainErrorCode } from '../errors/domain.exception.js';
import { buildDataSourceOptions } from './data-source-options.js';
import { databaseFailureAsDomainError } from './database-errors.js';

/** Each face's statement budget reaches PostgreSQL, and a statement past it is told apart. */
describe('statement budgets on a real PostgreSQL', () => {
  const name = `dondoc_t_${process.pid}_budget_${randomBytes(4).toString('hex')}`;
  const url = withDatabase(adminUrl(), name);

  beforeAll(() => withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`)));
  afterAll(() => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

  async function withDataSource<T>(
    statementTimeoutMs: number | undefined,
    work: (ds: DataSource) => Promise<T>,
  ): Promise<T> {
    const dataSource = await new DataSource(
      buildDataSourceOptions({ url, poolSize: 1, serialQueries: true, statementTimeoutMs }),
    ).initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  it('sets the API’s short budget and the worker’s long one on every connection', async () => {
    const api = await withDataSource(300, (ds) =>
      ds.query<{ statement_timeout: string }[]>('SHOW statement_timeout'),
    );
    expect(api[0]?.statement_timeout).toBe('300ms');
    const background = await withDataSource(600_000, (ds) =>
      ds.query<{ statement_timeout: string }[]>('SHOW statement_timeout'),
    );
    expect(background[0]?.statement_timeout).toBe('10min');
    const parallel = await withDataSource(300, (ds) =>
      ds.query<{ max_parallel_workers_per_gather: string }[]>('SHOW max_parallel_workers_per_gather'),
    );
    expect(parallel[0]?.max_parallel_workers_per_gather).toBe('0');
  });

  it('stops a statement past the budget, and names it a TIMEOUT rather than an internal error', async () => {
    const failure = await withDataSource(200, (ds) =>
      ds.query('SELECT pg_sleep(2)').then(
        () => null,
        (e: unknown) => e,
      ),
    );
    const domain = databaseFailureAsDomainError(failure, 200);
    expect(domain?.code).toBe(DomainErrorCode.TIMEOUT);
    expect(domain?.messageIn('vi')).toContain('0,2 giây');
    expect(domain?.messageIn('en')).toContain('0.2 s');
    // Any other database failure is not dressed up: it stays internal.
    const other = await withDataSource(200, (ds) =>
      ds.query('SELECT * FROM no_such_table').then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect(databaseFailureAsDomainError(other, 200)).toBeNull();
  });

  it('calls an unreachable database UNAVAILABLE', async () => {
    const unreachable = new DataSource(
      buildDataSourceOptions({ url: 'postgres://postgres@127.0.0.1:1/nothing', poolSize: 1 }),
    );
    const failure = await unreachable.initialize().then(
      () => null,
      (e: unknown) => e,
    );
    expect(databaseFailureAsDomainError(failure, 200)?.code).toBe(DomainErrorCode.UNAVAILABLE);
  });
});
