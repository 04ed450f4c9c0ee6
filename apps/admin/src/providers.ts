import { createAuthProvider } from './auth/auth-provider';
import { createIdentityClient } from './auth/identity-client';
import { toRolePermissions } from './auth/permissions';
import { createSessionFetch } from './auth/session-fetch';
import { createGraphqlClient } from './data/graphql-client';
import { createLazyDataProvider } from './data/lazy-data-provider';

/**
 * The API serves the console, GraphQL and the session endpoints (/auth) from the same origin
 * (Vite proxies the last two in development).
 */
const GRAPHQL_URL = '/graphql';
const SESSION_URL = '/auth';

/**
 * Where earlier versions kept the whole session, its 30-day refresh token included: a browser
 * that still holds one forgets it (the token stays valid until it expires or is revoked, but
 * no script can read it any more).
 */
const LEGACY_SESSION_KEY = 'dondoc.session';
window.localStorage.removeItem(LEGACY_SESSION_KEY);

let getAccessToken: () => Promise<string | null> = async () => null;
let renewAccessToken: (rejected: string) => Promise<string | null> = async () => null;

/** GraphQL's fetch: the caller's token on every request, renewed once when refused. */
const sessionFetch = createSessionFetch({
  getAccessToken: () => getAccessToken(),
  renewAccessToken: (rejected) => renewAccessToken(rejected),
});

/** Non-list operations (dashboard, import, actions) with the caller's token. */
export const graphqlRequest = createGraphqlClient({ url: GRAPHQL_URL, fetch: sessionFetch });

const PERMISSION_MAP = 'query PermissionMap { permissionMap { role permissions } }';

const identity = createIdentityClient({ url: SESSION_URL });

export const authProvider = createAuthProvider({
  identity,
  loadPermissionMap: async () => {
    const { permissionMap } = await graphqlRequest<{
      permissionMap: { role: string; permissions: string[] }[];
    }>(PERMISSION_MAP);
    return toRolePermissions(permissionMap);
  },
});
getAccessToken = authProvider.getAccessToken;
renewAccessToken = authProvider.renewAccessToken;

export const dataProvider = createLazyDataProvider(async () => {
  const { buildDataProvider } = await import('./data/graphql-data-provider');
  return buildDataProvider({ uri: GRAPHQL_URL, fetch: sessionFetch });
});

// A returning user (the session cookie's CSRF half is there): restore the session, read the
// permission map and build the data provider now, side by side while React renders the layout,
// rather than one after the other as the first screen asks for each. A sign-in page loads none.
if (identity.hasSession()) {
  dataProvider.prepare();
  authProvider.canAccess({ resource: 'Assignment', action: 'list' }).catch(() => false);
}
