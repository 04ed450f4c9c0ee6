import { bootApi, Given, graphql, type RunningApi, Role, signIn, TEST_PASSWORD } from '@dondoc/test-support';
import { AuthService } from '@dondoc/identity';
import type { Organization } from '@dondoc/organizations';
import { endSessionsOfUsers } from '@dondoc/platform';
import { DataSource } from 'typeorm';

const ME = '{ me { email } }';
const REFRESH = 'mutation ($token: String!) { refresh(refreshToken: $token) { accessToken refreshToken } }';
const LOGOUT = 'mutation ($token: String!) { logout(refreshToken: $token) }';
const UPDATE_USER = `mutation ($id: ID!, $password: String, $active: Boolean, $roles: [Role!], $organizationId: ID, $name: String) {
  updateUser(id: $id, password: $password, active: $active, roles: $roles, organizationId: $organizationId, name: $name) { id }
}`;
const MERGE = `mutation ($s: [ID!]!, $t: ID!) {
  mergeOrganizations(input: { sourceIds: $s, targetId: $t, effectiveDate: "2025-07-01" }) { id }
}`;

type Session = Awaited<ReturnType<typeof signIn>>;

/**
 * Sessions end when their reason ends (issue 14): each change below must leave the access token
 * the person holds refused on their very next request, and their refresh token refused too.
 */
describe('sessions that end when their reason ends', () => {
  let api: RunningApi;
  let konTum: Map<string, Organization>;
  let admin: Session;

  beforeAll(async () => {
    api = await bootApi();
    const given = new Given(api.app);
    konTum = await given.konTum();
    const administrator = await given.user(Role.ADMIN, body('kt.tu.vp'));
    admin = await signIn(api.url, administrator.email, TEST_PASSWORD);
  });
  afterAll(() => api?.close());

  const body = (key: string) => konTum.get(key)!;

  /** A person signed in, whose access token this process has verified and cached. */
  async function signedIn(role = Role.ORG_OFFICER, key = 'kt.pn') {
    const user = await new Given(api.app).user(role, body(key));
    const session = await signIn(api.url, user.email, TEST_PASSWORD);
    expect(await answerTo(session)).toBe('OK');
    expect(await answerTo(session)).toBe('OK'); // answered from the cache this time
    return { user, session };
  }

  async function answerTo(session: Session): Promise<string> {
    const { body } = await graphql(api.url, ME, undefined, session.headers);
    return (body.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
  }

  async function refreshAnswer(session: Session): Promise<string> {
    const { body } = await graphql(api.url, REFRESH, { token: session.refreshToken });
    return (body.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
  }

  async function updateUser(by: Session, variables: Record<string, unknown>): Promise<void> {
    const { body } = await graphql(api.url, UPDATE_USER, variables, by.headers);
    expect(body.errors).toBeUndefined();
  }

  async function expectEnded(session: Session): Promise<void> {
    expect({ access: await answerTo(session), refresh: await refreshAnswer(session) }).toEqual({
      access: 'UNAUTHENTICATED',
      refresh: 'UNAUTHENTICATED',
    });
  }

  it('an administrator resets a password: every session of that person ends at once', async () => {
    const { user, session } = await signedIn();
    const other = await signIn(api.url, user.email, TEST_PASSWORD);
    await updateUser(admin, { id: user.id, password: 'a-new-password-1' });
    await expectEnded(session);
    await expectEnded(other);
    expect(await answerTo(await signIn(api.url, user.email, 'a-new-password-1'))).toBe('OK');
  });

  it('a person changes their own password: their other sessions, and this one, end', async () => {
    const { user, session } = await signedIn(Role.ADMIN, 'kt.tu.vp');
    const laptop = await signIn(api.url, user.email, TEST_PASSWORD);
    await updateUser(session, { id: user.id, password: 'my-own-new-password' });
    await expectEnded(laptop);
    await expectEnded(session);
  });

  it('deactivation ends the sessions', async () => {
    const { user, session } = await signedIn();
    await updateUser(admin, { id: user.id, active: false });
    await expectEnded(session);
  });

  it('a role change ends the sessions: a demoted supervisor cannot keep writing', async () => {
    const { user, session } = await signedIn(Role.SUPERVISOR, 'kt.tu.vp');
    await updateUser(admin, { id: user.id, roles: [Role.VIEWER] });
    await expectEnded(session);
    const again = await signIn(api.url, user.email, TEST_PASSWORD);
    const { body } = await graphql(api.url, '{ me { roles } }', undefined, again.headers);
    expect(body.data).toEqual({ me: { roles: ['VIEWER'] } });
  });

  it('an organization change ends the sessions', async () => {
    const { user, session } = await signedIn();
    await updateUser(admin, { id: user.id, organizationId: body('kt.nd').id });
    await expectEnded(session);
  });

  it('a merger moving people to the successor body ends their sessions', async () => {
    const { user, session } = await signedIn(Role.ORG_OFFICER, 'kt.ccb');
    const { body: merged } = await graphql(
      api.url,
      MERGE,
      { s: [body('kt.ccb').id], t: body('kt.nd').id },
      admin.headers,
    );
    expect(merged.errors).toBeUndefined();
    // Ended by the organizations lib, which cannot reach this process's cache: the process hears
    // of it by notification, as any other process does.
    expect(await refusedWithin(session, 1_000)).toBe(true);
    expect(await refreshAnswer(session)).toBe('UNAUTHENTICATED');
    const again = await signIn(api.url, user.email, TEST_PASSWORD);
    const { body: me } = await graphql(api.url, '{ me { organization { id } } }', undefined, again.headers);
    expect(me.data).toEqual({ me: { organization: { id: body('kt.nd').id } } });
  });

  it("retiring a body ends its people's sessions, and they sign in again only once it is back", async () => {
    const { user, session } = await signedIn(Role.ORG_OFFICER, 'kt.td');
    const retire = (active: boolean) =>
      graphql(
        api.url,
        'mutation ($id: ID!, $active: Boolean) { updateOrganization(id: $id, active: $active) { id } }',
        { id: body('kt.td').id, active },
        admin.headers,
      );
    expect((await retire(false)).body.errors).toBeUndefined();
    // Ended by the organizations lib: this process hears of it by notification.
    expect(await refusedWithin(session, 1_000)).toBe(true);
    expect(await refreshAnswer(session)).toBe('UNAUTHENTICATED');
    // Answered as for a deactivated person: the sign-in itself is refused, no session is begun.
    await expect(signIn(api.url, user.email, TEST_PASSWORD)).rejects.toThrow(
      /Sai địa chỉ e-mail hoặc mật khẩu|Wrong e-mail or password/,
    );
    expect((await retire(true)).body.errors).toBeUndefined();
    expect(await answerTo(await signIn(api.url, user.email, TEST_PASSWORD))).toBe('OK');
  });

  it('logout ends that session, access token included, and no other', async () => {
    const { user, session } = await signedIn();
    const phone = await signIn(api.url, user.email, TEST_PASSWORD);
    const { body } = await graphql(api.url, LOGOUT, { token: session.refreshToken });
    expect(body.data).toEqual({ logout: true });
    await expectEnded(session);
    expect(await answerTo(phone)).toBe('OK');
  });

  it('a reused refresh token ends the session, including the access token given for it', async () => {
    const { session } = await signedIn();
    const { body } = await graphql<{ refresh: { accessToken: string; refreshToken: string } }>(
      api.url,
      REFRESH,
      { token: session.refreshToken },
    );
    const successor: Session = {
      ...body.data!.refresh,
      headers: { authorization: `Bearer ${body.data!.refresh.accessToken}` },
    };
    expect(await answerTo(successor)).toBe('OK');
    expect(await refreshAnswer(session)).toBe('UNAUTHENTICATED'); // the old one, again: stolen
    await expectEnded(successor);
  });

  it('a change of name or language leaves the sessions alone', async () => {
    const { user, session } = await signedIn();
    await updateUser(admin, { id: user.id, name: 'Tên mới' });
    expect(await answerTo(session)).toBe('OK');
    expect(await refreshAnswer(session)).toBe('OK');
  });

  it('a sign-in that was checking the old password when the reset committed gets no session', async () => {
    const { user } = await signedIn();
    const dataSource = api.app.get(DataSource);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    let signingIn: Promise<unknown> | undefined;
    try {
      // The reset, not yet committed: the sign-in below reads the user as they were.
      await endSessionsOfUsers(runner.manager, [user.id], new Date());
      signingIn = api.app.get(AuthService).login(user.email, TEST_PASSWORD, '10.99.0.2');
      signingIn.catch(() => undefined);
      await waitForLockWait(dataSource);
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    await expect(signingIn).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const tokens = (await dataSource.query(
      'SELECT count(*)::int AS open FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
      [user.id],
    )) as { open: number }[];
    expect(tokens).toEqual([{ open: 0 }]);
  });

  /** Polls until the token is refused; false when it is still accepted after `ms`. */
  async function refusedWithin(session: Session, ms: number): Promise<boolean> {
    const started = Date.now();
    do {
      if ((await answerTo(session)) === 'UNAUTHENTICATED') return true;
    } while (Date.now() - started < ms);
    return false;
  }
});

/** Until a session of this database waits for a row lock (the sign-in, behind the reset). */
async function waitForLockWait(dataSource: DataSource): Promise<void> {
  const started = Date.now();
  for (;;) {
    const [row] = (await dataSource.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    )) as { waiting: number }[];
    if (row && row.waiting > 0) return;
    if (Date.now() - started > 10_000) throw new Error('the sign-in never waited for the reset');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
