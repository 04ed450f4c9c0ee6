import type { AuthProvider, UserIdentity } from 'react-admin';
import { type AuthPayload, type IdentityClient, IdentityError } from './identity-client';
import { decodeJwtExpiry } from './jwt';
import { type AccessRequest, createCanAccess, type RolePermissions } from './permissions';

/** Refresh this long before the access token expires, so no request leaves with a dead token. */
const REFRESH_MARGIN_MS = 60_000;

/** The signed-in state of this page: held in memory only, never in localStorage or sessionStorage. */
type Session = AuthPayload;

/** Runs one refresh at a time across the browser's tabs (they share the rotating cookie). */
export type RefreshLock = <T>(refresh: () => Promise<T>) => Promise<T>;

/**
 * The Web Locks API where the browser has it: a second tab waits, then refreshes with the
 * cookie the first one received, instead of spending the same cookie twice (which the server
 * reads as theft and answers by ending the session).
 */
const browserLock: RefreshLock = (refresh) => {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? locks.request('dondoc.refresh', refresh) : refresh();
};

export interface DondocAuthProvider extends AuthProvider {
  getIdentity: NonNullable<AuthProvider['getIdentity']>;
  getPermissions: NonNullable<AuthProvider['getPermissions']>;
  canAccess: NonNullable<AuthProvider['canAccess']>;
  /** The access token to send now, refreshed first if it is about to expire; null when signed out. */
  getAccessToken(): Promise<string | null>;
  /**
   * A new access token after the API refused `rejected` as unauthenticated; null when the
   * session cannot be renewed. Several refusals of one token lead to one refresh.
   */
  renewAccessToken(rejected: string): Promise<string | null>;
}

export function createAuthProvider({
  identity,
  rolePermissions = {},
  loadPermissionMap,
  now = Date.now,
  lock = browserLock,
}: {
  identity: IdentityClient;
  /** A fixed map (tests); ignored when loadPermissionMap is given. */
  rolePermissions?: RolePermissions;
  /** Reads the server's `permissionMap`; asked once, again after a failure or a new sign-in. */
  loadPermissionMap?: () => Promise<RolePermissions>;
  now?: () => number;
  lock?: RefreshLock;
}): DondocAuthProvider {
  let permissionMap: Promise<(roles: readonly string[], request: AccessRequest) => boolean> | null = null;
  function accessRules() {
    if (!loadPermissionMap) return Promise.resolve(createCanAccess(rolePermissions));
    permissionMap ??= loadPermissionMap()
      .then(createCanAccess)
      .catch((error: unknown) => {
        permissionMap = null;
        throw error;
      });
    return permissionMap;
  }

  let session: Session | null = null;
  /** A page starts signed out; it may ask the cookie for its session once (on load). */
  let mayRestore = true;
  // Several checks can ask at once; the server rotates the refresh cookie, so only one may refresh.
  let refreshing: Promise<Session> | null = null;

  function expiresSoon(accessToken: string): boolean {
    const exp = decodeJwtExpiry(accessToken);
    // A token we cannot read is treated as expired: refreshing is always safe.
    return exp === null || exp * 1000 - now() <= REFRESH_MARGIN_MS;
  }

  function refresh(): Promise<Session> {
    refreshing ??= lock(() => identity.refresh())
      .then((renewed) => {
        session = renewed;
        return renewed;
      })
      .catch((error: unknown) => {
        session = null;
        throw error;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  /** The session in memory, or the cookie's on the page's first ask; null when signed out. */
  async function currentSession(): Promise<Session | null> {
    if (session) return session;
    if (refreshing) return refreshing.catch(() => null);
    if (!mayRestore || !identity.hasSession()) return null;
    mayRestore = false;
    return refresh().catch(() => null);
  }

  async function getAccessToken(): Promise<string | null> {
    const current = await currentSession();
    if (!current) return null;
    if (!expiresSoon(current.accessToken)) return current.accessToken;
    return (await refresh()).accessToken;
  }

  async function renewAccessToken(rejected: string): Promise<string | null> {
    if (refreshing) return refreshing.then(({ accessToken }) => accessToken).catch(() => null);
    if (!session) return null;
    // Already renewed since that request left: use the new token.
    if (session.accessToken !== rejected) return session.accessToken;
    return refresh()
      .then(({ accessToken }) => accessToken)
      .catch(() => null);
  }

  async function requireSession(): Promise<Session> {
    const current = await currentSession();
    if (!current) throw new Error('ra.auth.auth_check_error');
    return current;
  }

  return {
    getAccessToken,
    renewAccessToken,

    async login({ email, password }: { email: string; password: string }) {
      try {
        session = await identity.login(email, password);
        permissionMap = null;
      } catch (error) {
        throw toSignInError(error);
      }
    },

    async logout() {
      const hadSession = session !== null || identity.hasSession();
      session = null;
      mayRestore = false;
      permissionMap = null;
      // Best effort: the session is over here whatever the server answers.
      if (hadSession) await identity.logout().catch(() => undefined);
    },

    async checkAuth() {
      if (!session && !refreshing && !identity.hasSession()) {
        // Never signed in on this browser: show the login page without an error message.
        throw { message: false };
      }
      const accessToken = await getAccessToken().catch(() => null);
      if (!accessToken) throw { message: 'ra.notification.logged_out' };
    },

    async checkError(error: unknown) {
      if (isUnauthenticated(error)) {
        // The request has already been retried once with a renewed token (session-fetch.ts).
        session = null;
        throw { message: 'ra.notification.logged_out' };
      }
      // Anything else (forbidden, invalid input, conflict) is the page's to show, not a reason to sign out.
    },

    async getIdentity(): Promise<UserIdentity> {
      const { user } = await requireSession();
      return {
        id: user.id,
        fullName: user.name,
        email: user.email,
        organization: user.organization,
        roles: user.roles,
      };
    },

    async getPermissions() {
      return (await currentSession())?.user.roles ?? [];
    },

    async canAccess({ resource, action }) {
      const roles = (await currentSession())?.user.roles ?? [];
      if (roles.length === 0) return false;
      const canAccess = await accessRules();
      return canAccess(roles, { resource, action });
    },
  };
}

/** Wrong e-mail or password reads the same either way; other failures keep their message. */
function toSignInError(error: unknown): Error {
  if (error instanceof IdentityError) {
    return error.code === 'UNAUTHENTICATED' || error.code === 'BAD_USER_INPUT'
      ? new Error('ra.auth.sign_in_error')
      : error;
  }
  return new Error('ra.auth.sign_in_error');
}

/**
 * A 401, or a GraphQL error coded UNAUTHENTICATED, in the shapes the data provider
 * passes on: react-admin's HttpError (status, body = the Apollo error) or the Apollo
 * error itself (a failed schema introspection is not wrapped).
 */
export function isUnauthenticated(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as {
    status?: unknown;
    networkError?: { statusCode?: unknown } | null;
    graphQLErrors?: unknown;
    body?: { graphQLErrors?: unknown } | null;
  };
  if (candidate.status === 401 || candidate.networkError?.statusCode === 401) return true;
  const graphQLErrors = candidate.graphQLErrors ?? candidate.body?.graphQLErrors;
  return (
    Array.isArray(graphQLErrors) &&
    graphQLErrors.some(
      (graphQLError: { extensions?: { code?: unknown } } | null) =>
        graphQLError?.extensions?.code === 'UNAUTHENTICATED',
    )
  );
}
