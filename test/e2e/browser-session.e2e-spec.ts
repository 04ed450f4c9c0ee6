import { bootApi, Given, graphql, type RunningApi, Role, TEST_PASSWORD } from '@dondoc/test-support';

/** A cookie as the answer set it: its value and its attributes, names lower-cased. */
interface SetCookie {
  value: string;
  attributes: Map<string, string>;
}

function setCookies(response: Response): Map<string, SetCookie> {
  const cookies = new Map<string, SetCookie>();
  for (const line of response.headers.getSetCookie()) {
    const [pair = '', ...rest] = line.split(';').map((part) => part.trim());
    const [name = '', ...value] = pair.split('=');
    const attributes = new Map(
      rest.map((attribute) => {
        const [key = '', ...text] = attribute.split('=');
        return [key.toLowerCase(), text.join('=')] as const;
      }),
    );
    cookies.set(name, { value: decodeURIComponent(value.join('=')), attributes });
  }
  return cookies;
}

/** The two cookies a browser would hold after an answer that set them. */
interface Jar {
  refresh: string;
  csrf: string;
}

function jarOf(response: Response): Jar {
  const cookies = setCookies(response);
  const refresh = cookies.get('dondoc_refresh')?.value;
  const csrf = cookies.get('dondoc_csrf')?.value;
  if (!refresh || !csrf)
    throw new Error(`no session cookies in ${response.headers.getSetCookie().join(' | ')}`);
  return { refresh, csrf };
}

const FOREIGN = 'https://evil.example';

describe('the console’s cookie sessions (/auth)', () => {
  let api: RunningApi;
  let email: string;
  /** APP_URL's origin: bootApi leaves it at its default. */
  let appOrigin: string;
  let addresses = 0;

  beforeAll(async () => {
    api = await bootApi();
    appOrigin = new URL(api.config.appUrl).origin;
    const konTum = await new Given(api.app).konTum();
    email = (await new Given(api.app).user(Role.ORG_OFFICER, konTum.get('kt.pn')!)).email;
  });
  afterAll(() => api?.close());

  function post(
    path: 'session' | 'refresh' | 'logout',
    {
      body,
      jar,
      csrf = jar?.csrf,
      origin = appOrigin,
      headers = {},
    }: {
      body?: unknown;
      jar?: Jar;
      /** The X-CSRF-Token header; null sends none. */
      csrf?: string | null;
      /** The Origin header; null sends none. */
      origin?: string | null;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response> {
    return fetch(`${api.url}/auth/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // Each sign-in from its own address: the per-address throttle counts only where meant.
        'x-forwarded-for': `10.77.0.${++addresses}`,
        ...(origin === null ? {} : { origin }),
        ...(jar ? { cookie: `dondoc_refresh=${jar.refresh}; dondoc_csrf=${jar.csrf}` } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  const signIn = () => post('session', { body: { email, password: TEST_PASSWORD } });

  async function errorOf(response: Response): Promise<{ code?: unknown; reason?: unknown; message: string }> {
    const { errors } = (await response.json()) as {
      errors: { message: string; extensions: { code?: unknown; reason?: unknown } }[];
    };
    return { ...errors[0]!.extensions, message: errors[0]!.message };
  }

  it('signs in: the access token in the body, the refresh token only in an HttpOnly cookie of its own path', async () => {
    const response = await signIn();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const body = (await response.json()) as Record<string, unknown> & {
      accessToken: string;
      user: { email: string; roles: string[]; organization: { name: string } };
    };
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'user']);
    expect(body.user).toMatchObject({
      email,
      roles: ['ORG_OFFICER'],
      organization: { name: 'Hội Liên hiệp Phụ nữ tỉnh' },
    });
    const me = await graphql<{ me: { email: string } }>(api.url, '{ me { email } }', undefined, {
      authorization: `Bearer ${body.accessToken}`,
    });
    expect(me.body.data?.me.email).toBe(email);

    const cookies = setCookies(response);
    const refresh = cookies.get('dondoc_refresh')!;
    expect(Object.fromEntries(refresh.attributes)).toEqual({
      'max-age': String(30 * 86_400),
      path: '/auth',
      expires: expect.any(String),
      httponly: '',
      secure: '',
      samesite: 'Strict',
    });
    expect(refresh.value).toMatch(/^[\w-]{43}$/);
    const csrf = cookies.get('dondoc_csrf')!;
    // Readable by the console's pages (no HttpOnly), sent nowhere else (SameSite=Strict).
    expect(Object.fromEntries(csrf.attributes)).toEqual({
      'max-age': String(30 * 86_400),
      path: '/',
      expires: expect.any(String),
      secure: '',
      samesite: 'Strict',
    });
    expect(csrf.value).not.toBe(refresh.value);
  });

  it('refreshes with the cookie and the CSRF header, and rotates both cookies', async () => {
    const first = jarOf(await signIn());
    // The console served under another name of the same server (127.0.0.1) counts as itself.
    const refreshed = await post('refresh', { jar: first, origin: api.url });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { accessToken: string; user: { email: string } };
    expect(body.user.email).toBe(email);
    const next = jarOf(refreshed);
    expect(next.refresh).not.toBe(first.refresh);
    expect(next.csrf).not.toBe(first.csrf);
    expect((await post('refresh', { jar: next })).status).toBe(200);
  });

  it('refuses a refresh without the CSRF header, with a wrong one, or from a foreign page, and keeps the session', async () => {
    const jar = jarOf(await signIn());
    const refusals = [
      {
        case: 'no header',
        response: await post('refresh', { jar, csrf: null }),
        reason: 'CSRF_TOKEN_MISMATCH',
      },
      {
        case: 'wrong header',
        response: await post('refresh', { jar, csrf: 'x'.repeat(43) }),
        reason: 'CSRF_TOKEN_MISMATCH',
      },
      {
        // A neighbour planted its own readable cookie and echoes it: not the session's token.
        case: 'planted cookie',
        response: await post('refresh', { jar: { ...jar, csrf: 'planted' }, csrf: 'planted' }),
        reason: 'CSRF_TOKEN_MISMATCH',
      },
      {
        case: 'foreign origin',
        response: await post('refresh', { jar, origin: FOREIGN }),
        reason: 'FOREIGN_ORIGIN',
      },
      { case: 'no origin', response: await post('refresh', { jar, origin: null }), reason: 'FOREIGN_ORIGIN' },
      {
        case: 'foreign referer',
        response: await post('refresh', { jar, origin: null, headers: { referer: `${FOREIGN}/page` } }),
        reason: 'FOREIGN_ORIGIN',
      },
    ];
    for (const refusal of refusals) {
      expect({ case: refusal.case, status: refusal.response.status }).toEqual({
        case: refusal.case,
        status: 403,
      });
      expect(refusal.response.headers.getSetCookie()).toEqual([]);
      expect(await errorOf(refusal.response)).toEqual({
        code: 'FORBIDDEN',
        reason: refusal.reason,
        message: expect.stringMatching(/^Bị từ chối: /),
      });
    }
    // None of them spent the cookie: the console's own refresh still works.
    expect((await post('refresh', { jar })).status).toBe(200);
  });

  it('a rotated cookie used again ends the whole session', async () => {
    const first = jarOf(await signIn());
    const second = jarOf(await post('refresh', { jar: first }));

    const reused = await post('refresh', { jar: first });
    expect(reused.status).toBe(401);
    expect(await errorOf(reused)).toMatchObject({ code: 'UNAUTHENTICATED' });
    // The theft is detected: the legitimate successor no longer works either.
    const successor = await post('refresh', { jar: second });
    expect(successor.status).toBe(401);
  });

  it('logs out: the session ends and both cookies are cleared', async () => {
    const jar = jarOf(await signIn());
    const foreign = await post('logout', { jar, origin: FOREIGN });
    expect(foreign.status).toBe(403);
    expect(await errorOf(foreign)).toMatchObject({ code: 'FORBIDDEN', reason: 'FOREIGN_ORIGIN' });
    expect((await post('logout', { jar, csrf: null })).status).toBe(403);

    const response = await post('logout', { jar });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ended: true });
    const cleared = setCookies(response);
    for (const [name, path] of [
      ['dondoc_refresh', '/auth'],
      ['dondoc_csrf', '/'],
    ] as const) {
      expect(cleared.get(name)?.value).toBe('');
      expect(cleared.get(name)?.attributes.get('path')).toBe(path);
      expect(new Date(cleared.get(name)!.attributes.get('expires')!).getTime()).toBeLessThan(Date.now());
    }
    expect((await post('refresh', { jar })).status).toBe(401);
    // A browser without a session may log out too: nothing to end.
    expect(await (await post('logout')).json()).toEqual({ ended: false });
  });

  it('a browser without a session is told to sign in, not refused as forged', async () => {
    const response = await post('refresh');
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a sign-in from a foreign page, a wrong password as GraphQL does, and throttles', async () => {
    const foreign = await post('session', { body: { email, password: TEST_PASSWORD }, origin: FOREIGN });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.getSetCookie()).toEqual([]);

    const target = (
      await new Given(api.app).user(Role.ORG_OFFICER, (await new Given(api.app).konTum()).get('kt.pn')!)
    ).email;
    const wrong = await post('session', { body: { email: target, password: 'not-the-password' } });
    expect(wrong.status).toBe(401);
    expect(await errorOf(wrong)).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Sai địa chỉ e-mail hoặc mật khẩu',
    });
    for (let i = 0; i < 4; i++)
      await post('session', { body: { email: target, password: 'not-the-password' } });
    const locked = await post('session', { body: { email: target, password: TEST_PASSWORD } });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await errorOf(locked)).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(locked.headers.getSetCookie()).toEqual([]);
  });

  it('checks the sign-in body and its size before anything else', async () => {
    const missing = await post('session', { body: { email } });
    expect(missing.status).toBe(400);
    expect(await errorOf(missing)).toMatchObject({ code: 'BAD_USER_INPUT' });
    const huge = await post('session', { body: { email, password: 'x'.repeat(200 * 1024) } });
    expect(huge.status).toBe(413);
  });
});
