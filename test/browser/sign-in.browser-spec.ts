import { DEMO_USERS, Role } from '@dondoc/identity';
import { type ConsoleUnderTest, openConsole } from '@dondoc/browser-support';

import { t } from './catalogues.js';
import { screenHeading, signIn, signOut } from './console-actions.js';

/** The heading of each role's home (an administrator sees the office's). */
const HOME_HEADING: Record<Role, string> = {
  [Role.ADMIN]: 'app.home.supervisor_title',
  [Role.SUPERVISOR]: 'app.home.supervisor_title',
  [Role.VIEWER]: 'app.home.supervisor_title',
  [Role.ORG_OFFICER]: 'app.home.officer_title',
  [Role.INSPECTOR]: 'app.home.inspector_title',
};

/** Each demo login signs in through the form and lands on the home of its role. */
describe('signing in', () => {
  let ui: ConsoleUnderTest;

  beforeAll(async () => {
    ui = await openConsole('sign-in');
  });
  afterAll(() => ui?.close());

  it('shows the login form in Vietnamese first', async () => {
    const { page } = ui;
    await page.goto(ui.consoleUrl('/'));
    await page.getByRole('button', { name: t('vi', 'ra.auth.sign_in'), exact: true }).waitFor();
    await page.getByRole('heading', { name: t('vi', 'app.name'), exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await ui.screenshot('login');
  });

  it('refuses a wrong password and says so', async () => {
    const { page } = ui;
    await page
      .getByRole('textbox', { name: t('vi', 'ra.auth.email'), exact: true })
      .fill('phunu@dondoc.local');
    await page
      .getByRole('textbox', { name: t('vi', 'ra.auth.password'), exact: true })
      .fill('not-the-password');
    await page.getByRole('button', { name: t('vi', 'ra.auth.sign_in'), exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: t('vi', 'ra.auth.sign_in_error') })
      .waitFor();
    await ui.screenshot('login-refused');
    // The refusal is HTTP 401 (POST /auth/session), which Chromium logs as a console error:
    // expected here, so it does not fail the file; any other error still does.
    const refusal = ui.pageErrors.findIndex((line) => /status of 401/.test(line));
    expect(refusal).toBeGreaterThanOrEqual(0);
    ui.pageErrors.splice(refusal, 1);
  });

  it('keeps no token where script can read it, and stays signed in across a reload', async () => {
    const { page } = ui;
    const signedIn = page.waitForResponse((response) => response.url().endsWith('/auth/session'));
    await signIn(ui, 'phunu@dondoc.local');
    const { accessToken } = (await (await signedIn).json()) as { accessToken: string };
    const home = screenHeading(page, t('vi', HOME_HEADING[Role.ORG_OFFICER]));
    await home.waitFor();

    const cookies = await page.context().cookies(`${ui.api.url}/auth/refresh`);
    const refresh = cookies.find((cookie) => cookie.name === 'dondoc_refresh');
    expect(refresh).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/auth' });
    const readable = await page.evaluate(readableState);
    const everything = JSON.stringify(readable);
    expect(everything).not.toContain(accessToken);
    expect(everything).not.toContain(refresh!.value);
    expect(everything).not.toMatch(/eyJ[\w-]+\.eyJ/); // no JWT of any kind
    expect(readable.sessionStorage).toEqual({});
    expect(readable.cookie).not.toContain('dondoc_refresh');
    expect(readable.cookie).toMatch(/^dondoc_csrf=[\w-]+$/);

    // What an earlier version of the console kept: forgotten at the next load.
    await page.evaluate(plantLegacySession);
    // A reload forgets the page's memory: the cookie brings the session back.
    const refreshed = page.waitForResponse((response) => response.url().endsWith('/auth/refresh'));
    await page.reload();
    expect((await refreshed).status()).toBe(200);
    await home.waitFor();
    expect(new URL(page.url()).hash).toBe('#/');
    expect(Object.keys((await page.evaluate(readableState)).localStorage)).not.toContain('dondoc.session');
    await signOut(page);
    const after = await page.context().cookies(`${ui.api.url}/auth/refresh`);
    expect(after.map((cookie) => cookie.name)).toEqual([]);
  });

  it.each(DEMO_USERS.map((demo) => [demo.role, demo.email] as const))(
    '%s %s signs in and lands on the home of the role',
    async (role, email) => {
      await signIn(ui, email);
      const { page } = ui;
      await screenHeading(page, t('vi', HOME_HEADING[role])).waitFor();
      expect(new URL(page.url()).hash).toBe('#/');
      await ui.screenshot(`home-${role.toLowerCase()}`);
      await signOut(page);
    },
  );
});

/**
 * What script in the page can read: both storages and `document.cookie`. Runs in the page
 * (a function: the console's CSP refuses evaluated strings); the types are the page's.
 */
function readableState(): {
  localStorage: Record<string, string>;
  sessionStorage: Record<string, string>;
  cookie: string;
} {
  const page = globalThis as unknown as {
    localStorage: Record<string, string>;
    sessionStorage: Record<string, string>;
    document: { cookie: string };
  };
  return {
    localStorage: { ...page.localStorage },
    sessionStorage: { ...page.sessionStorage },
    cookie: page.document.cookie,
  };
}

/** The session as the console kept it in localStorage before issue 14. Runs in the page. */
function plantLegacySession(): void {
  const page = globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } };
  page.localStorage.setItem('dondoc.session', JSON.stringify({ accessToken: 'old', refreshToken: 'old' }));
}
