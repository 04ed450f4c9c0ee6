import { createAuthProvider } from './auth/auth-provider';
import { createIdentityClient } from './auth/identity-client';
import { toRolePermissions } from './auth/permissions';
import { createGraphqlClient } from './data/graphql-client';
import { createLazyDataProvider } from './data/lazy-data-provider';

/** The API serves the console and GraphQL from the same origin (Vite proxies it in development). */
const GRAPHQL_URL = '/graphql';

const SESSION_STORAGE = window.localStorage;

let getAccessToken: () => Promise<string | null> = async () => null;

/** Non-list operations (dashboard, import, actions) with the caller's token. */
export const graphqlRequest = createGraphqlClient({
  url: GRAPHQL_URL,
  getAccessToken: () => getAccessToken(),
});

const PERMISSION_MAP = 'query PermissionMap { permissionMap { role permissions } }';

export const authProvider = createAuthProvider({
  identity: createIdentityClient({ url: GRAPHQL_URL }),
  storage: SESSION_STORAGE,
  loadPermissionMap: async () => {
    const { permissionMap } = await graphqlRequest<{
      permissionMap: { role: string; permissions: string[] }[];
    }>(PERMISSION_MAP);
    return toRolePermissions(permissionMap);
  },
});
getAccessToken = authProvider.getAccessToken;

export const dataProvider = createLazyDataProvider(async () => {
  const { buildDataProvider } = await import('./data/graphql-data-provider');
  return buildDataProvider({ uri: GRAPHQL_URL, getAccessToken: authProvider.getAccessToken });
});
