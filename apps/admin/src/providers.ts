import { createAuthProvider } from './auth/auth-provider';
import { createIdentityClient } from './auth/identity-client';
import { createLazyDataProvider } from './data/lazy-data-provider';

/** The API serves the console and GraphQL from the same origin (Vite proxies it in development). */
const GRAPHQL_URL = '/graphql';

export const authProvider = createAuthProvider({
  identity: createIdentityClient({ url: GRAPHQL_URL }),
  storage: window.localStorage,
});

export const dataProvider = createLazyDataProvider(async () => {
  const { buildDataProvider } = await import('./data/graphql-data-provider');
  return buildDataProvider({ uri: GRAPHQL_URL, getAccessToken: authProvider.getAccessToken });
});
