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
