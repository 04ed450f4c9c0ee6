import { describe, expect, it } from 'vitest';
import { createAuthProvider } from './auth-provider';
import { type AuthPayload, createIdentityClient, type Fetch } from './identity-client';

const NOW = Date.UTC(2026, 0, 15, 8, 0, 0);
const seconds = (ms: number) => Math.floor(ms / 1000);

const base64Url = (value: object) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const accessTokenExpiringAt = (ms: number) =>
  `${base64Url({ alg: 'HS256', typ: 'JWT' })}.${base64Url({ sub: 'u-1', exp: seconds(ms) })}.signature`;

const user: AuthPayload['user'] = {
  id: 'u-1',
  email: 'hoilhpn@kontum.example',
  name: 'Nguyễn Thị Hoa',
  roles: ['ORG_OFFICER'],
  organization: { id: 'o-7', name: 'Hội Liên hiệp Phụ nữ tỉnh' },
};

type Answer = { data?: unknown; errors?: { message: string; extensions?: { code: string } }[] };
type Handlers = Partial<
  Record<'Login' | 'Refresh' | 'Logout', (variables: Record<string, string>) => Answer>
>;

/** A stand-in for the API's /graphql: answers the Identity mutations by operation name. */
function fakeApi(handlers: Handlers) {
  const received: { operation: string; variables: Record<string, string> }[] = [];
  const fetch: Fetch = async (_url, init) => {
    const { query, variables } = JSON.parse(String(init.body)) as {
      query: string;
      variables: Record<string, string>;
    };
    const operation = /mutation (\w+)/.exec(query)?.[1] as keyof Handlers;
    received.push({ operation, variables });
    const handler = handlers[operation];
    if (!handler) return new Response('{"errors":[{"message":"no such operation"}]}', { status: 400 });
    return new Response(JSON.stringify(handler(variables)), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetch, received };
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  };
}

function setup(handlers: Handlers, storage = memoryStorage()) {
  const api = fakeApi(handlers);
  const authProvider = createAuthProvider({
    identity: createIdentityClient({ url: '/graphql', fetch: api.fetch }),
    storage,
    now: () => NOW,
  });
  return { authProvider, storage, received: api.received };
}

const signedIn = (storage: ReturnType<typeof memoryStorage>, payload: AuthPayload) =>
  storage.setItem('dondoc.session', JSON.stringify(payload));

const login =
  (accessToken = accessTokenExpiringAt(NOW + 15 * 60_000)) =>
  () => ({
    data: { login: { accessToken, refreshToken: 'refresh-1', user } },
  });

describe('the auth provider', () => {
  it('signing in keeps the tokens and the user, so the next visit is still signed in', async () => {
    const { authProvider, storage } = setup({ Login: login() });

    await authProvider.login({ email: user.email, password: 'secret' });

    const nextVisit = setup({}, storage).authProvider;
    await expect(nextVisit.checkAuth({})).resolves.toBeUndefined();
    await expect(nextVisit.getIdentity()).resolves.toEqual({
      id: 'u-1',
      fullName: 'Nguyễn Thị Hoa',
      email: user.email,
      organization: { id: 'o-7', name: 'Hội Liên hiệp Phụ nữ tỉnh' },
      roles: ['ORG_OFFICER'],
    });
    await expect(nextVisit.getPermissions({})).resolves.toEqual(['ORG_OFFICER']);
    await expect(nextVisit.getAccessToken()).resolves.toBe(accessTokenExpiringAt(NOW + 15 * 60_000));
  });

  it('a wrong password is reported as a failed sign-in, and nothing is kept', async () => {
    const { authProvider, storage } = setup({
      Login: () => ({
        errors: [{ message: 'Invalid credentials', extensions: { code: 'UNAUTHENTICATED' } }],
      }),
    });

    await expect(authProvider.login({ email: user.email, password: 'wrong' })).rejects.toThrow(
      'ra.auth.sign_in_error',
    );
    expect(storage.items.size).toBe(0);
  });

  it('an unreachable server is reported as a connection error', async () => {
    const storage = memoryStorage();
    const authProvider = createAuthProvider({
      identity: createIdentityClient({
        url: '/graphql',
        fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      }),
      storage,
    });

    await expect(authProvider.login({ email: user.email, password: 'secret' })).rejects.toThrow(
      'ra.notification.http_error',
    );
  });

  it('a token far from expiry is used as it is', async () => {
    const { authProvider, storage, received } = setup({});
    signedIn(storage, {
      accessToken: accessTokenExpiringAt(NOW + 10 * 60_000),
      refreshToken: 'refresh-1',
      user,
    });

    await authProvider.checkAuth({});

    expect(received).toEqual([]);
  });

  it('a token about to expire is refreshed before the check passes, and the new tokens are kept', async () => {
    const renewed = accessTokenExpiringAt(NOW + 15 * 60_000);
    const { authProvider, storage, received } = setup({
      Refresh: ({ refreshToken }) =>
        refreshToken === 'refresh-1'
          ? { data: { refresh: { accessToken: renewed, refreshToken: 'refresh-2', user } } }
          : { errors: [{ message: 'Refresh token reused', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    signedIn(storage, { accessToken: accessTokenExpiringAt(NOW + 30_000), refreshToken: 'refresh-1', user });

    // Two checks at once must not both spend the (rotating) refresh token.
    await Promise.all([authProvider.checkAuth({}), authProvider.checkAuth({})]);

    expect(received.map(({ operation }) => operation)).toEqual(['Refresh']);
    await expect(authProvider.getAccessToken()).resolves.toBe(renewed);
    expect(JSON.parse(storage.getItem('dondoc.session') ?? '{}')).toMatchObject({
      refreshToken: 'refresh-2',
    });
  });

  it('an unreadable access token is refreshed rather than trusted', async () => {
    const renewed = accessTokenExpiringAt(NOW + 15 * 60_000);
    const { authProvider, storage } = setup({
      Refresh: () => ({ data: { refresh: { accessToken: renewed, refreshToken: 'refresh-2', user } } }),
    });
    signedIn(storage, { accessToken: 'not-a-jwt', refreshToken: 'refresh-1', user });

    await expect(authProvider.getAccessToken()).resolves.toBe(renewed);
  });

  it('a failed refresh rejects the check and signs the user out', async () => {
    const { authProvider, storage } = setup({
      Refresh: () => ({ errors: [{ message: 'Session expired', extensions: { code: 'UNAUTHENTICATED' } }] }),
    });
    signedIn(storage, { accessToken: accessTokenExpiringAt(NOW - 1_000), refreshToken: 'refresh-1', user });

    await expect(authProvider.checkAuth({})).rejects.toEqual({ message: 'ra.notification.logged_out' });
    expect(storage.items.size).toBe(0);
    await expect(authProvider.getIdentity()).rejects.toThrow();
  });

  it('a visitor who never signed in is sent to the login page without an error message', async () => {
    const { authProvider } = setup({});

    await expect(authProvider.checkAuth({})).rejects.toEqual({ message: false });
  });

  it('an UNAUTHENTICATED answer from the API signs the user out; other errors do not', async () => {
    const { authProvider, storage } = setup({});
    signedIn(storage, {
      accessToken: accessTokenExpiringAt(NOW + 10 * 60_000),
      refreshToken: 'refresh-1',
      user,
    });

    await expect(
      authProvider.checkError({
        status: 200,
        body: { graphQLErrors: [{ extensions: { code: 'FORBIDDEN' } }] },
      }),
    ).resolves.toBeUndefined();
    await expect(authProvider.checkError({ status: 500 })).resolves.toBeUndefined();
    expect(storage.items.size).toBe(1);

    await expect(
      authProvider.checkError({
        status: 200,
        body: { graphQLErrors: [{ extensions: { code: 'UNAUTHENTICATED' } }] },
      }),
    ).rejects.toEqual({ message: 'ra.notification.logged_out' });
    expect(storage.items.size).toBe(0);
  });

  it('an HTTP 401 signs the user out', async () => {
    const { authProvider, storage } = setup({});
    signedIn(storage, {
      accessToken: accessTokenExpiringAt(NOW + 10 * 60_000),
      refreshToken: 'refresh-1',
      user,
    });

    await expect(authProvider.checkError({ status: 401 })).rejects.toBeDefined();
    expect(storage.items.size).toBe(0);
  });

  it('signing out ends the session on the server and here, even when the server cannot be reached', async () => {
    const reachable = setup({ Logout: () => ({ data: { logout: true } }) });
    signedIn(reachable.storage, {
      accessToken: accessTokenExpiringAt(NOW + 10 * 60_000),
      refreshToken: 'refresh-1',
      user,
    });

    await reachable.authProvider.logout({});

    expect(reachable.received).toEqual([{ operation: 'Logout', variables: { refreshToken: 'refresh-1' } }]);
    expect(reachable.storage.items.size).toBe(0);

    const storage = memoryStorage();
    signedIn(storage, {
      accessToken: accessTokenExpiringAt(NOW + 10 * 60_000),
      refreshToken: 'refresh-1',
      user,
    });
    const unreachable = createAuthProvider({
      identity: createIdentityClient({
        url: '/graphql',
        fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      }),
      storage,
    });
    await expect(unreachable.logout({})).resolves.toBeUndefined();
    expect(storage.items.size).toBe(0);
  });

  it('grants nothing while the role → permission map is empty', async () => {
    const { authProvider, storage } = setup({});
    signedIn(storage, {
      accessToken: accessTokenExpiringAt(NOW + 10 * 60_000),
      refreshToken: 'refresh-1',
      user,
    });

    await expect(authProvider.canAccess({ resource: 'assignments', action: 'list' })).resolves.toBe(false);
  });

  it("answers canAccess from the server's permission map, read once and again after a failure", async () => {
    const storage = memoryStorage();
    signedIn(storage, {
      accessToken: accessTokenExpiringAt(NOW + 10 * 60_000),
      refreshToken: 'refresh-1',
      user,
    });
    let reads = 0;
    const authProvider = createAuthProvider({
      identity: createIdentityClient({ url: '/graphql', fetch: fakeApi({}).fetch }),
      storage,
      now: () => NOW,
      loadPermissionMap: async () => {
        reads += 1;
        if (reads === 1) throw new Error('network down');
        return { ORG_OFFICER: ['assignment:read', 'report:submit'], SUPERVISOR: ['report:review'] };
      },
    });

    await expect(authProvider.canAccess({ resource: 'Assignment', action: 'list' })).rejects.toThrow(
      'network down',
    );
    await expect(authProvider.canAccess({ resource: 'Assignment', action: 'list' })).resolves.toBe(true);
    await expect(authProvider.canAccess({ resource: 'Assignment', action: 'submit_report' })).resolves.toBe(
      true,
    );
    await expect(authProvider.canAccess({ resource: 'Assignment', action: 'review_report' })).resolves.toBe(
      false,
    );
    await expect(authProvider.canAccess({ resource: 'AuditEvent', action: 'list' })).resolves.toBe(false);
    await expect(authProvider.canAccess({ resource: 'Unknown', action: 'list' })).resolves.toBe(false);
    expect(reads).toBe(2);
  });
});
