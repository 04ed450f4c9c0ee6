import type { Page } from 'playwright-core';

import { DEMO_PASSWORD } from '@dondoc/identity';
import type { ConsoleUnderTest } from '@dondoc/browser-support';

import { type Locale, t } from './catalogues.js';

/** What people do in the console, by role and accessible name, in the words of the catalogues. */

/** The names the language menu gives the two languages (apps/admin/src/i18n/i18n-provider.ts). */
export const LANGUAGE_NAMES: Record<Locale, string> = { vi: 'Tiếng Việt', en: 'English' };

/** Signs in on the login page through the form. */
export async function signIn(
  ui: ConsoleUnderTest,
  email: string,
  { password = DEMO_PASSWORD, locale = 'vi' as Locale } = {},
): Promise<void> {
  const { page } = ui;
  await page.goto(ui.consoleUrl('/login'));
  const emailBox = page.getByRole('textbox', { name: t(locale, 'ra.auth.email'), exact: true });
  const userMenu = page.getByRole('button', { name: t(locale, 'ra.auth.user_menu'), exact: true });
  // Someone is still signed in when a previous test stopped half-way: sign them out first.
  await emailBox.or(userMenu).first().waitFor();
  if (await userMenu.isVisible()) await signOut(page, locale);
  await emailBox.fill(email);
  await page.getByRole('textbox', { name: t(locale, 'ra.auth.password'), exact: true }).fill(password);
  await page.getByRole('button', { name: t(locale, 'ra.auth.sign_in'), exact: true }).click();
  // Signed in once the login form has gone and the layout's user menu is there.
  await page.getByRole('button', { name: t(locale, 'ra.auth.user_menu'), exact: true }).waitFor();
}

/** Signs out through the user menu and waits for the login form. */
export async function signOut(page: Page, locale: Locale = 'vi'): Promise<void> {
  await page.getByRole('button', { name: t(locale, 'ra.auth.user_menu'), exact: true }).click();
  await page.getByRole('menuitem', { name: t(locale, 'ra.auth.logout'), exact: true }).click();
  await page.getByRole('button', { name: t(locale, 'ra.auth.sign_in'), exact: true }).waitFor();
}

/** Picks a language in the app bar's language menu. */
export async function switchLanguage(page: Page, from: Locale, to: Locale): Promise<void> {
  await page.getByRole('button', { name: LANGUAGE_NAMES[from], exact: true }).click();
  await page.getByRole('menuitem', { name: LANGUAGE_NAMES[to], exact: true }).click();
  await page.getByRole('button', { name: LANGUAGE_NAMES[to], exact: true }).waitFor();
}

/** A heading of the screen's content (the app bar repeats the title as a heading of its own). */
export function screenHeading(page: Page, name: string | RegExp) {
  return page.getByRole('main').getByRole('heading', { name, exact: typeof name === 'string' });
}

/** Makes `to` the language, whichever one is on now (the choice outlives a failed test). */
export async function chooseLanguage(page: Page, to: Locale): Promise<void> {
  const from: Locale = to === 'vi' ? 'en' : 'vi';
  const menu = page.getByRole('button', {
    name: new RegExp(`^(${LANGUAGE_NAMES.vi}|${LANGUAGE_NAMES.en})$`),
  });
  await menu.waitFor();
  if ((await menu.textContent())?.trim() === LANGUAGE_NAMES[from]) await switchLanguage(page, from, to);
}
