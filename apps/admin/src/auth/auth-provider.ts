import type { AuthProvider, UserIdentity } from 'react-admin';
import { type AuthPayload, type IdentityClient, IdentityError } from './identity-client';
import { decodeJwtExpiry } from './jwt';
import { type AccessRequest, createCanAccess, type RolePermissions } from './permissions';

const SESSION_KEY = 'dondoc.session';

/** Refresh this long before the access token expires, so no request leaves with a dead token. */
const REFRESH_MARGIN_MS = 60_000;

/** What is kept between visits: the API's AuthPayload as login or refresh returned it. */
type Session = AuthPayload;

export type SessionStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface DondocAuthProvider extends AuthProvider {
  getIdentity: NonNullable<AuthProvider['getIdentity']>;
  getPermissions: NonNullable<AuthProvider['getPermissions']>;
  canAccess: NonNullable<AuthProvider['canAccess']>;
  /** The access token to send now, refreshed first if it is about to expire; null when signed out. */
  getAccessToken(): Promise<string | null>;
}

export function createAuthProvider({
  identity,
  storage,
  rolePermissions = {},
  loadPermissionMap,
  now = Date.now,
}: {
  identity: IdentityClient;
  storage: SessionStorage;
  /** A fixed map (tests); ignored when loadPermissionMap is given. */
  rolePermissions?: RolePermissions;
  /** Reads the server's `permissionMap`; asked once, again after a failure or a new sign-in. */
  loadPermissionMap?: () => Promise<RolePermissions>;
  now?: () => number;
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
  // Several checks can ask at once; the server rotates the refresh token, so only one may refresh.
  let refreshing: Promise<Session> | null = null;

  function readSession(): Session | null {
    const stored = storage.getItem(SESSION_KEY);
    if (!stored) return null;
    try {
      const session = JSON.parse(stored) as Partial<Session> | null;
      return typeof session?.accessToken === 'string' &&
        typeof session.refreshToken === 'string' &&
        typeof session.user === 'object' &&
        session.user !== null
        ? (session as Session)
        : null;
    } catch {
      return null;
    }
  }

  function keepSession(session: Session): void {
    storage.setItem(SESSION_KEY, JSON.stringify(session));
  }

  function endSession(): void {
    storage.removeItem(SESSION_KEY);
  }

  function expiresSoon(accessToken: string): boolean {
    const exp = decodeJwtExpiry(accessToken);
    // A token we cannot read is treated as expired: refreshing is always safe.
    return exp === null || exp * 1000 - now() <= REFRESH_MARGIN_MS;
  }

  function refresh(session: Session): Promise<Session> {
    refreshing ??= identity
      .refresh(session.refreshToken)
      .then((renewed) => {
        keepSession(renewed);
        return renewed;
      })
      .catch((error: unknown) => {
        endSession();
        throw error;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  async function getAccessToken(): Promise<string | null> {
    const session = readSession();
    if (!session) return null;
    if (!expiresSoon(session.accessToken)) return session.accessToken;
    return (await refresh(session)).accessToken;
  }

  function requireSession(): Session {
    const session = readSession();
    if (!session) throw new Error('ra.auth.auth_check_error');
    return session;
  }

  return {
    getAccessToken,

    async login({ email, password }: { email: string; password: string }) {
      try {
        keepSession(await identity.login(email, password));
        permissionMap = null;
      } catch (error) {
        throw toSignInError(error);
      }
    },

    async logout() {
      const session = readSession();
      endSession();
      permissionMap = null;
      // Best effort: the session is over here whatever the server answers.
      if (session) await identity.logout(session.refreshToken).catch(() => undefined);
    },

    async checkAuth() {
      if (!readSession()) {
        // Never signed in: show the login page without an error message.
        throw { message: false };
      }
      const accessToken = await getAccessToken().catch(() => null);
      if (!accessToken) throw { message: 'ra.notification.logged_out' };
    },

    async checkError(error: unknown) {
      if (isUnauthenticated(error)) {
        endSession();
        throw { message: 'ra.notification.logged_out' };
      }
      // Anything else (forbidden, invalid input, conflict) is the page's to show, not a reason to sign out.
    },

    async getIdentity(): Promise<UserIdentity> {
      const { user } = requireSession();
      return {
        id: user.id,
        fullName: user.name,
        email: user.email,
        organization: user.organization,
        roles: user.roles,
      };
    },

    async getPermissions() {
      return readSession()?.user.roles ?? [];
    },

    async canAccess({ resource, action }) {
      const roles = readSession()?.user.roles ?? [];
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
