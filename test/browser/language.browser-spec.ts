import { DEMO_USERS } from '@dondoc/identity';
import { type ConsoleUnderTest, openConsole } from '@dondoc/browser-support';

import { message, t } from './catalogues.js';
import { chooseLanguage, LANGUAGE_NAMES, screenHeading, signIn, switchLanguage } from './console-actions.js';
import { publishSeed } from './published-seed.js';
import { catalogueKeysShown, settled, visibleTexts } from './screen-text.js';

/**
 * Switching to English changes every label: on the login page, each screen of the menu and
 * the pages of an assignment and a document, every catalogue message the screen showed in
 * Vietnamese is gone once English is picked, and its English counterpart is there instead.
 */
describe('switching to English', () => {
  let ui: ConsoleUnderTest;
  /** Records on screen (people's and bodies' names) stay in Vietnamese whatever the language. */
  let data: Set<string>;

  beforeAll(async () => {
    ui = await openConsole('language');
    // Published work, so the lists show records with their statuses, roles and dates.
    await publishSeed(ui.api, ui.organizations, { dueDate: '2027-03-31', shortDueDate: '2027-01-15' });
    data = new Set([
      ...DEMO_USERS.map((demo) => demo.name),
      ...[...ui.organizations.values()].map((o) => o.name),
    ]);
  });
  afterAll(() => ui?.close());

  it('changes every label of the login page', async () => {
    const { page } = ui;
    await page.goto(ui.consoleUrl('/login'));
    await page.getByRole('button', { name: t('vi', 'ra.auth.sign_in'), exact: true }).waitFor();
    const vietnamese = catalogueKeysShown(await visibleTexts(page), 'vi', data);
    await switchLanguage(page, 'vi', 'en');
    await page.getByRole('button', { name: t('en', 'ra.auth.sign_in'), exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await ui.screenshot('login-en');
    expectEveryLabelChanged('login', vietnamese, await visibleTexts(page), data);
    await switchLanguage(page, 'en', 'vi');
  });

  /**
   * Reads the screen in Vietnamese, switches to English, and checks that no Vietnamese
   * message is left and the English of each one is shown; switches back.
   */
  async function checkScreen(screen: string) {
    const { page } = ui;
    await settled(page);
    const vietnamese = catalogueKeysShown(await visibleTexts(page), 'vi', data);
    await ui.screenshot(`${screen}-vi`);

    await switchLanguage(page, 'vi', 'en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await settled(page);
    await ui.screenshot(`${screen}-en`);
    const texts = await visibleTexts(page);
    expectEveryLabelChanged(screen, vietnamese, texts, data);
    // The English of what was shown is there now (menu entries and headings included). Only
    // messages without placeholders count (they are recognised exactly), and several keys
    // may share one Vietnamese text ("Cơ quan, đơn vị"): one of them must show in English.
    const english = catalogueKeysShown(texts, 'en', data);
    const byText = new Map<string, string[]>();
    for (const [key, shownText] of vietnamese) {
      if (!/%\{/.test(message('vi', key))) byText.set(shownText, [...(byText.get(shownText) ?? []), key]);
    }
    const missingInEnglish = [...byText]
      .filter(([, keys]) => !keys.some((key) => english.has(key)))
      .map(([text, keys]) => `${text} (${keys.join(', ')})`);
    expect({ screen, missingInEnglish }).toEqual({ screen, missingInEnglish: [] });
    await switchLanguage(page, 'en', 'vi');
  }

  it('changes every label of every screen in the menu', async () => {
    const { page } = ui;
    // The administrator's console has the widest menu (users and audit besides the office's).
    await signIn(ui, 'admin@dondoc.local');
    const menu = page.getByRole('menu').first();
    await menu.waitFor();
    const screens = await menu.getByRole('menuitem').allInnerTexts();
    expect(screens.length).toBeGreaterThan(0);
    for (let index = 0; index < screens.length; index += 1) {
      const item = menu.getByRole('menuitem').nth(index);
      const target = (await item.getAttribute('href')) ?? '#/';
      await item.click();
      await page.waitForURL((url) => url.hash === target.slice(target.indexOf('#')));
      // Every screen names itself with a top-level heading of its content.
      await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
      await checkScreen(screens[index]!);
    }
  });

  it("changes every label of an assignment's page and of a document's page", async () => {
    const { page } = ui;
    await page.goto(ui.consoleUrl('/Assignment'));
    await page.getByRole('row').filter({ hasText: 'Hội Liên hiệp Phụ nữ tỉnh' }).first().click();
    await screenHeading(page, new RegExp(`— Hội Liên hiệp Phụ nữ tỉnh$`)).waitFor();
    await checkScreen('assignment');
    await page.getByRole('link', { name: t('vi', 'app.assignment.open_document'), exact: true }).click();
    await screenHeading(page, /^410-BC\/TU/).waitFor();
    await checkScreen('document');
  });

  it.each([
    ['phunu@dondoc.local', 'app.home.officer_title'],
    ['kiemtra@dondoc.local', 'app.home.inspector_title'],
  ])("changes every label of %s's home", async (email, heading) => {
    await signIn(ui, email);
    await screenHeading(ui.page, t('vi', heading)).waitFor();
    await checkScreen(`home-${email.split('@')[0]}`);
  });

  it('keeps the language chosen across a reload', async () => {
    const { page } = ui;
    await chooseLanguage(page, 'en');
    await page.reload();
    await page.getByRole('button', { name: LANGUAGE_NAMES.en, exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await switchLanguage(page, 'en', 'vi');
  });
});

/** Nothing of the Vietnamese catalogue is left on the screen once English is picked. */
function expectEveryLabelChanged(
  screen: string,
  before: Map<string, string>,
  textsAfter: string[],
  data: ReadonlySet<string>,
) {
  // Something must have been recognised before, or the comparison proves nothing.
  expect({ screen, recognised: before.size > 2 }).toEqual({ screen, recognised: true });
  const remaining = [...catalogueKeysShown(textsAfter, 'vi', data)].map(([key, text]) => `${key}: ${text}`);
  expect({ screen, stillVietnamese: remaining }).toEqual({ screen, stillVietnamese: [] });
}
