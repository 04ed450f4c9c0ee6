import type { DataProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { createLazyDataProvider } from './lazy-data-provider';

const listParams = {
  pagination: { page: 1, perPage: 25 },
  sort: { field: 'id', order: 'ASC' as const },
  filter: {},
};

/** A built provider whose schema read answers as told; lists answer one row. */
function fakeProvider(introspection: () => Promise<unknown>): DataProvider {
  return {
    getIntrospection: introspection,
    getList: async () => ({ data: [{ id: 'a-1' }], total: 1 }),
  } as unknown as DataProvider;
}

describe('the lazy data provider', () => {
  it('is not built until a page asks for data', async () => {
    let builds = 0;
    const dataProvider = createLazyDataProvider(async () => {
      builds += 1;
      return fakeProvider(async () => ({}));
    });
    expect(builds).toBe(0);

    await dataProvider.getList('assignments', listParams);
    await dataProvider.getList('assignments', listParams);

    expect(builds).toBe(1);
  });

  it('is built once when prepared ahead of the first page, and a failed preparation is retried', async () => {
    let builds = 0;
    const dataProvider = createLazyDataProvider(async () => {
      builds += 1;
      if (builds === 1) throw new Error('chunk failed to load');
      return fakeProvider(async () => ({}));
    });

    dataProvider.prepare();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(builds).toBe(1);

    await expect(dataProvider.getList('assignments', listParams)).resolves.toEqual({
      data: [{ id: 'a-1' }],
      total: 1,
    });
    dataProvider.prepare();
    await dataProvider.getList('assignments', listParams);
    expect(builds).toBe(2);
  });

  it('builds again after a failed schema read, so signing in later recovers', async () => {
    let attempt = 0;
    const dataProvider = createLazyDataProvider(async () => {
      attempt += 1;
      return fakeProvider(() =>
        attempt === 1 ? Promise.reject(new Error('UNAUTHENTICATED')) : Promise.resolve({}),
      );
    });

    await expect(dataProvider.getList('assignments', listParams)).rejects.toThrow('UNAUTHENTICATED');
    await expect(dataProvider.getList('assignments', listParams)).resolves.toEqual({
      data: [{ id: 'a-1' }],
      total: 1,
    });
  });
});
