import { describe, expect, it } from 'vitest';
import { createAuthProvider, type RefreshLock } from './auth-provider';
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

type Endpoint = 'session' | 'refresh' | 'logout';
type Answer = { status?: number; body: unknown };
type Handlers = Partial<Record<Endpoint, (request: { body: unknown; csrf: string | null }) => Answer>>;

/**
 * A browser and the API's /auth endpoints: the cookie jar holds what the server set (the
 * page sees only the readable CSRF cookie, as with an HttpOnly refresh cookie), and every
 * request is recorded with the CSRF header it carried.
 */
function fakeBrowser(handlers: Handlers, jar = new Map<string, string>()) {
  const received: { endpoint: Endpoint; csrf: string | null; body: unknown }[] = [];
  const fetch: Fetch = async (url, init) => {
    const endpoint = url.replace('/auth/', '') as Endpoint;
    const csrf = new Headers(init.headers).get('X-CSRF-Token');
    const body = init.body === undefined ? undefined : (JSON.parse(String(init.body)) as unknown);
    received.push({ endpoint, csrf, body });
    const handler = handlers[endpoint];
    if (!handler) return new Response('{"errors":[{"message":"no such endpoint"}]}', { status: 404 });
    const answer = handler({ body, csrf });
    const status = answer.status ?? 200;
    if (status === 200 && endpoint !== 'logout') jar.set('dondoc_csrf', `csrf-${received.length}`);
    if (endpoint === 'logout') jar.clear();
    return new Response(JSON.stringify(answer.body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  const readCookies = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  return { fetch, readCookies, received, jar };
}

function setup(handlers: Handlers, jar = new Map<string, string>(), lock?: RefreshLock) {
  const browser = fakeBrowser(handlers, jar);
  const authProvider = createAuthProvider({
    identity: createIdentityClient({ fetch: browser.fetch, readCookies: browser.readCookies }),
    now: () => NOW,
    lock,
  });
  return { authProvider, ...browser };
}

const session =
  (accessToken = accessTokenExpiringAt(NOW + 15 * 60_000)) =>
  () => ({
    body: { accessToken, user },
  });
const unauthenticated =
  (message = 'Session ended') =>
  () => ({
    status: 401,
    body: { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] },
  });
/** A browser that signed in before: the server set its cookies. */
const signedInJar = () => new Map([['dondoc_csrf', 'csrf-0']]);

describe('the auth provider', () => {
  it('signing in keeps the access token in memory only; the next visit gets one from the cookie', async () => {
    const { authProvider, jar, received } = setup({ session: session() });

    await authProvider.login({ email: user.email, password: 'secret' });

    expect(received).toEqual([
      { endpoint: 'session', csrf: null, body: { email: user.email, password: 'secret' } },
    ]);
    await expect(authProvider.getAccessToken()).resolves.toBe(accessTokenExpiringAt(NOW + 15 * 60_000));

    const renewed = accessTokenExpiringAt(NOW + 15 * 60_000 + 1_000);
    const nextVisit = setup({ refresh: session(renewed) }, jar);
    await expect(nextVisit.authProvider.checkAuth({})).resolves.toBeUndefined();
    // The refresh echoed the cookie the sign-in set.
    expect(nextVisit.received).toEqual([{ endpoint: 'refresh', csrf: 'csrf-1', body: undefined }]);
    await expect(nextVisit.authProvider.getIdentity()).resolves.toEqual({
      id: 'u-1',
      fullName: 'Nguyễn Thị Hoa',
      email: user.email,
      organization: { id: 'o-7', name: 'Hội Liên hiệp Phụ nữ tỉnh' },
      roles: ['ORG_OFFICER'],
    });
    await expect(nextVisit.authProvider.getPermissions({})).resolves.toEqual(['ORG_OFFICER']);
    await expect(nextVisit.authProvider.getAccessToken()).resolves.toBe(renewed);
    expect(nextVisit.received).toHaveLength(1);
  });

  it('a wrong password is reported as a failed sign-in, and nothing is kept', async () => {
    const { authProvider, jar } = setup({ session: unauthenticated('Invalid credentials') });

    await expect(authProvider.login({ email: user.email, password: 'wrong' })).rejects.toThrow(
      'ra.auth.sign_in_error',
    );
    expect(jar.size).toBe(0);
    await expect(authProvider.getAccessToken()).resolves.toBeNull();
  });

  it('an unreachable server is reported as a connection error', async () => {
    const authProvider = createAuthProvider({
      identity: createIdentityClient({ fetch: () => Promise.reject(new TypeError('Failed to fetch')) }),
    });

    await expect(authProvider.login({ email: user.email, password: 'secret' })).rejects.toThrow(
      'ra.notification.http_error',
    );
  });

  it('a visitor who never signed in is sent to the login page without an error message or a request', async () => {
    const { authProvider, received } = setup({});

    await expect(authProvider.checkAuth({})).rejects.toEqual({ message: false });
    await expect(authProvider.canAccess({ resource: 'Assignment', action: 'list' })).resolves.toBe(false);
    expect(received).toEqual([]);
  });

  it('a token far from expiry is used as it is', async () => {
    const { authProvider, received } = setup({ session: session(accessTokenExpiringAt(NOW + 10 * 60_000)) });
    await authProvider.login({ email: user.email, password: 'secret' });

    await authProvider.checkAuth({});

    expect(received.map(({ endpoint }) => endpoint)).toEqual(['session']);
  });

  it('a token about to expire is refreshed once before the checks pass, under the cross-tab lock', async () => {
    const renewed = accessTokenExpiringAt(NOW + 15 * 60_000);
    let locked = 0;
    const lock: RefreshLock = (refresh) => {
      locked += 1;
      return refresh();
    };
    const { authProvider, received } = setup(
      { session: session(accessTokenExpiringAt(NOW + 30_000)), refresh: session(renewed) },
      new Map(),
      lock,
    );
    await authProvider.login({ email: user.email, password: 'secret' });

    // Two checks at once must not both spend the (rotating) refresh cookie.
    await Promise.all([authProvider.checkAuth({}), authProvider.checkAuth({})]);

    expect(received.map(({ endpoint }) => endpoint)).toEqual(['session', 'refresh']);
    expect(locked).toBe(1);
    await expect(authProvider.getAccessToken()).resolves.toBe(renewed);
  });

  it('an unreadable access token is refreshed rather than trusted', async () => {
    const renewed = accessTokenExpiringAt(NOW + 15 * 60_000);
    const { authProvider } = setup({ session: session('not-a-jwt'), refresh: session(renewed) });
    await authProvider.login({ email: user.email, password: 'secret' });

    await expect(authProvider.getAccessToken()).resolves.toBe(renewed);
  });

  it('a session the server has ended rejects the check, and the page does not keep asking', async () => {
    const { authProvider, received } = setup({ refresh: unauthenticated() }, signedInJar());

    await expect(authProvider.checkAuth({})).rejects.toEqual({ message: 'ra.notification.logged_out' });
    await expect(authProvider.getIdentity()).rejects.toThrow();
    await expect(authProvider.getAccessToken()).resolves.toBeNull();
    expect(received.map(({ endpoint }) => endpoint)).toEqual(['refresh']);
  });

  it('renews a refused token once, whoever asks, and hands out the new one', async () => {
    const first = accessTokenExpiringAt(NOW + 10 * 60_000);
    const renewed = accessTokenExpiringAt(NOW + 15 * 60_000);
    const { authProvider, received } = setup({ session: session(first), refresh: session(renewed) });
    await authProvider.login({ email: user.email, password: 'secret' });

    const answers = await Promise.all([
      authProvider.renewAccessToken(first),
      authProvider.renewAccessToken(first),
    ]);
    // A request that left with the old token and fails later gets the new one, no new refresh.
    answers.push(await authProvider.renewAccessToken(first));

    expect(answers).toEqual([renewed, renewed, renewed]);
    expect(received.map(({ endpoint }) => endpoint)).toEqual(['session', 'refresh']);
  });

  it('an UNAUTHENTICATED answer from the API signs the user out; other errors do not', async () => {
    const { authProvider } = setup({ session: session() });
    await authProvider.login({ email: user.email, password: 'secret' });

    await expect(
      authProvider.checkError({
        status: 200,
        body: { graphQLErrors: [{ extensions: { code: 'FORBIDDEN' } }] },
      }),
    ).resolves.toBeUndefined();
    await expect(authProvider.checkError({ status: 500 })).resolves.toBeUndefined();
    await expect(authProvider.getAccessToken()).resolves.not.toBeNull();

    await expect(
      authProvider.checkError({
        status: 200,
        body: { graphQLErrors: [{ extensions: { code: 'UNAUTHENTICATED' } }] },
      }),
    ).rejects.toEqual({ message: 'ra.notification.logged_out' });
    await expect(authProvider.getAccessToken()).resolves.toBeNull();
  });

  it('an HTTP 401 signs the user out', async () => {
    const { authProvider } = setup({ session: session() });
    await authProvider.login({ email: user.email, password: 'secret' });

    await expect(authProvider.checkError({ status: 401 })).rejects.toBeDefined();
    await expect(authProvider.getAccessToken()).resolves.toBeNull();
  });

  it('signing out ends the session on the server with the CSRF token, and here even when the server cannot be reached', async () => {
    const reachable = setup({ session: session(), logout: () => ({ body: { ended: true } }) });
    await reachable.authProvider.login({ email: user.email, password: 'secret' });

    await reachable.authProvider.logout({});

    expect(reachable.received.at(-1)).toEqual({ endpoint: 'logout', csrf: 'csrf-1', body: undefined });
    expect(reachable.jar.size).toBe(0);
    await expect(reachable.authProvider.getAccessToken()).resolves.toBeNull();

    const unreachable = createAuthProvider({
      identity: createIdentityClient({
        fetch: () => Promise.reject(new TypeError('Failed to fetch')),
        readCookies: () => 'dondoc_csrf=csrf-0',
      }),
    });
    await expect(unreachable.logout({})).resolves.toBeUndefined();
  });

  it('grants nothing while the role → permission map is empty', async () => {
    const { authProvider } = setup({ session: session() });
    await authProvider.login({ email: user.email, password: 'secret' });

    await expect(authProvider.canAccess({ resource: 'assignments', action: 'list' })).resolves.toBe(false);
  });

  it("answers canAccess from the server's permission map, read once and again after a failure", async () => {
    const browser = fakeBrowser({ session: session() });
    let reads = 0;
    const authProvider = createAuthProvider({
      identity: createIdentityClient({ fetch: browser.fetch, readCookies: browser.readCookies }),
      now: () => NOW,
      loadPermissionMap: async () => {
        reads += 1;
        if (reads === 1) throw new Error('network down');
        return { ORG_OFFICER: ['assignment:read', 'report:submit'], SUPERVISOR: ['report:review'] };
      },
    });
    await authProvider.login({ email: user.email, password: 'secret' });

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
