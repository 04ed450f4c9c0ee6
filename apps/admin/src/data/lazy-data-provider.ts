import type { DataProvider } from 'react-admin';

/**
 * A data provider built on first use. The GraphQL provider reads the schema once
 * (the API's schema, bundled with it: see api-schema.ts) and keeps the answer,
 * failures included; so it is built when a page first needs data, after login, and
 * built again if that first read failed. Building it on demand also keeps Apollo,
 * graphql and the schema out of the login page's bundle.
 */
export interface LazyDataProvider extends DataProvider {
  /**
   * Builds it now, ahead of the first page's request (a returning user's first screen lists
   * data): the chunk downloads and the provider is made while the session is restored. A
   * failure is kept for no one: the first request builds again.
   */
  prepare(): void;
}

export function createLazyDataProvider(build: () => Promise<DataProvider>): LazyDataProvider {
  let ready: Promise<DataProvider> | null = null;

  function provider(): Promise<DataProvider> {
    ready ??= build()
      .then(async (built) => {
        await built.getIntrospection?.();
        return built;
      })
      .catch((error: unknown) => {
        ready = null;
        throw error;
      });
    return ready;
  }

  return {
    prepare: () => {
      provider().catch(() => undefined);
    },
    getList: async (resource, params) => (await provider()).getList(resource, params),
    getOne: async (resource, params) => (await provider()).getOne(resource, params),
    getMany: async (resource, params) => (await provider()).getMany(resource, params),
    getManyReference: async (resource, params) => (await provider()).getManyReference(resource, params),
    create: async (resource, params) => (await provider()).create(resource, params),
    update: async (resource, params) => (await provider()).update(resource, params),
    updateMany: async (resource, params) => (await provider()).updateMany(resource, params),
    delete: async (resource, params) => (await provider()).delete(resource, params),
    deleteMany: async (resource, params) => (await provider()).deleteMany(resource, params),
  };
}
