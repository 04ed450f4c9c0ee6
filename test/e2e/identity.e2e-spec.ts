import { bootApi, Given, graphql, type RunningApi, Role, signIn, TEST_PASSWORD } from '@dondoc/test-support';
import { DEMO_PASSWORD, DemoUsers } from '@dondoc/identity';
import { FixedClock } from '@dondoc/platform';
import { decodeJwt, SignJWT } from 'jose';

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    accessToken refreshToken user { id email name roles organization { id name } }
  }
}`;
const REFRESH = 'mutation ($token: String!) { refresh(refreshToken: $token) { accessToken refreshToken } }';
const LOGOUT = 'mutation ($token: String!) { logout(refreshToken: $token) }';
const ME = '{ me { email roles organization { name } } }';

let addresses = 0;
/** Each call from its own address, so the per-address cap on spraying only counts where meant. */
const from = () => ({ 'x-forwarded-for': `192.0.2.${++addresses}` });

describe('signing in and sessions', () => {
  const clock = new FixedClock('2026-11-27T03:00:00Z');
  let api: RunningApi;
  let officerEmail: string;

  beforeAll(async () => {
    api = await bootApi({}, { clock });
    const given = new Given(api.app);
    const konTum = await given.konTum();
    officerEmail = (await given.user(Role.ORG_OFFICER, konTum.get('kt.pn')!)).email;
  });
  afterAll(() => api?.close());

  it('signs in and answers with tokens and the user with their organization', async () => {
    const { body } = await graphql<{
      login: {
        accessToken: string;
        user: { email: string; roles: string[]; organization: { name: string } };
      };
    }>(api.url, LOGIN, { email: officerEmail.toUpperCase(), password: TEST_PASSWORD });
    expect(body.errors).toBeUndefined();
    expect(body.data?.login.user).toMatchObject({
      email: officerEmail,
      roles: ['ORG_OFFICER'],
      organization: { name: 'Hội Liên hiệp Phụ nữ tỉnh' },
    });
    expect(body.data?.login.accessToken.split('.')).toHaveLength(3);
  });

  it('gives the same answer for a wrong e-mail and a wrong password', async () => {
    const wrongEmail = await graphql(
      api.url,
      LOGIN,
      { email: 'nobody@test.local', password: TEST_PASSWORD },
      from(),
    );
    const wrongPassword = await graphql(
      api.url,
      LOGIN,
      { email: officerEmail, password: 'not-the-password' },
      from(),
    );
    expect(wrongEmail.body.errors?.[0]?.message).toBe('Sai địa chỉ e-mail hoặc mật khẩu');
    expect(wrongPassword.body.errors?.[0]).toEqual(
      wrongEmail.body.errors?.[0] && { ...wrongEmail.body.errors[0] },
    );
    expect(wrongPassword.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers in English when the caller asks for it', async () => {
    const { body } = await graphql(
      api.url,
      LOGIN,
      { email: 'nobody@test.local', password: 'x' },
      { 'accept-language': 'en-GB', ...from() },
    );
    expect(body.errors?.[0]?.message).toBe('Wrong e-mail or password');
  });

  it('makes an e-mail wait after 5 failures, from any addresses, and says how long', async () => {
    const given = new Given(api.app);
    const konTum = await given.konTum();
    const target = (await given.user(Role.VIEWER, konTum.get('kt.nd')!)).email;
    for (let i = 0; i < 5; i++) {
      const { body } = await graphql(api.url, LOGIN, { email: target, password: `wrong-${i}` }, from());
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await graphql(api.url, LOGIN, { email: target, password: TEST_PASSWORD }, from());
    // The first wait is a second; each further failure doubles it (login-throttle.e2e-spec.ts).
    expect(locked.body.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: 1,
    });
    expect(locked.body.errors?.[0]?.message).toBe('Đăng nhập sai quá nhiều lần: thử lại sau 1 giây');

    clock.advanceDays(1 / 86_400); // a second later the account may try again
    const later = await graphql(api.url, LOGIN, { email: target, password: TEST_PASSWORD }, from());
    expect(later.body.errors).toBeUndefined();
  });

  it('does not lock the other accounts behind an address out after failures from it', async () => {
    const address = { 'x-forwarded-for': '198.51.100.7' };
    for (let i = 0; i < 5; i++) {
      await graphql(api.url, LOGIN, { email: `guess${i}@test.local`, password: 'x' }, address);
    }
    for (let i = 0; i < 5; i++) {
      await graphql(api.url, LOGIN, { email: 'guess0@test.local', password: `x${i}` }, address);
    }
    const colleague = await graphql(
      api.url,
      LOGIN,
      { email: officerEmail, password: TEST_PASSWORD },
      address,
    );
    expect(colleague.body.errors).toBeUndefined();
  });

  it('rotates refresh tokens, and a reused one ends the whole session', async () => {
    const first = await signIn(api.url, officerEmail, TEST_PASSWORD);
    const second = await graphql<{ refresh: { refreshToken: string } }>(api.url, REFRESH, {
      token: first.refreshToken,
    });
    expect(second.body.errors).toBeUndefined();
    const next = second.body.data!.refresh.refreshToken;
    expect(next).not.toBe(first.refreshToken);

    const reused = await graphql(api.url, REFRESH, { token: first.refreshToken });
    expect(reused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The theft is detected: the legitimate successor no longer works either.
    const successor = await graphql(api.url, REFRESH, { token: next });
    expect(successor.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('logs out: the refresh token stops working', async () => {
    const session = await signIn(api.url, officerEmail, TEST_PASSWORD);
    expect((await graphql(api.url, LOGOUT, { token: session.refreshToken })).body.data).toEqual({
      logout: true,
    });
    const after = await graphql(api.url, REFRESH, { token: session.refreshToken });
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('accepts an access token for 15 minutes, not longer', async () => {
    const session = await signIn(api.url, officerEmail, TEST_PASSWORD);
    expect((await graphql(api.url, ME, undefined, session.headers)).body.data).toEqual({
      me: {
        email: officerEmail,
        roles: ['ORG_OFFICER'],
        organization: { name: 'Hội Liên hiệp Phụ nữ tỉnh' },
      },
    });
    clock.advanceDays(16 / 1440);
    const expired = await graphql(api.url, ME, undefined, session.headers);
    expect(expired.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(expired.body.errors?.[0]?.message).toMatch(/hết hạn/);
  });

  it('refuses a forged token and asks for sign-in when there is none', async () => {
    const session = await signIn(api.url, officerEmail, TEST_PASSWORD);
    const [header, payload] = session.accessToken.split('.');
    const forged = await graphql(api.url, ME, undefined, {
      authorization: `Bearer ${header}.${payload}.AAAA`,
    });
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const none = await graphql(api.url, ME);
    expect(none.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with the secret but without an expiry, or for another audience', async () => {
    const session = await signIn(api.url, officerEmail, TEST_PASSWORD);
    const mine = decodeJwt(session.accessToken);
    const secret = new TextEncoder().encode(api.config.jwtSecret!);
    const resign = (drop: 'exp' | 'aud') => {
      const { exp, aud, iat, iss, sub, ...rest } = mine;
      let token = new SignJWT(rest).setProtectedHeader({ alg: 'HS256' }).setSubject(sub!).setIssuer(iss!);
      token = token.setIssuedAt(iat!);
      if (drop !== 'exp') token = token.setExpirationTime(exp!);
      if (drop !== 'aud') token = token.setAudience(aud as string);
      return token.sign(secret);
    };
    for (const drop of ['exp', 'aud'] as const) {
      const answer = await graphql(api.url, ME, undefined, { authorization: `Bearer ${await resign(drop)}` });
      expect({ drop, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({
        drop,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('creates the demo users once, with the fixed logins and password', async () => {
    await new Given(api.app).konTum();
    const demo = api.app.get(DemoUsers);
    expect(await demo.ensure()).toEqual([
      'admin@dondoc.local',
      'thuongtruc@dondoc.local',
      'phunu@dondoc.local',
      'kiemtra@dondoc.local',
    ]);
    expect(await demo.ensure()).toEqual([]);
    const session = await signIn(api.url, 'phunu@dondoc.local', DEMO_PASSWORD);
    expect((await graphql(api.url, ME, undefined, session.headers)).body.data).toMatchObject({
      me: { roles: ['ORG_OFFICER'], organization: { name: 'Hội Liên hiệp Phụ nữ tỉnh' } },
    });
  });
});

describe('demo users in production', () => {
  it('are never created', async () => {
    const api = await bootApi({ NODE_ENV: 'production' });
    try {
      await new Given(api.app).konTum();
      await expect(api.app.get(DemoUsers).ensure()).rejects.toThrow(/never created in production/);
    } finally {
      await api.close();
    }
  });
});
