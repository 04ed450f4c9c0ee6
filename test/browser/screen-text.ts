import type { Page } from 'playwright-core';

import { allMessages, type Locale, message } from './catalogues.js';

/** Waits until the screen has settled: no progress bar or spinner is left on it. */
export async function settled(page: Page): Promise<void> {
  // A locator, not page.waitForFunction with an expression: Playwright evaluates an expression
  // anew on each poll, which the console's CSP (no 'unsafe-eval') refuses.
  await page.locator('[role="progressbar"]:not([aria-valuenow])').first().waitFor({ state: 'detached' });
}

/**
 * Every piece of text a person can see or hear on the screen: each visible text node, and
 * the aria-label, placeholder and title of each visible element. Text nodes keep their own
 * case (buttons are upper-cased by CSS only).
 */
export function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(VISIBLE_TEXTS);
}

// Runs in the page; a string because the server's type check has no DOM library.
const VISIBLE_TEXTS = `(() => {
  const found = new Set();
  const shown = (element) => element.checkVisibility ? element.checkVisibility() : true;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent && node.textContent.trim();
    if (text && node.parentElement && shown(node.parentElement)) found.add(text);
  }
  for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
    if (!shown(element)) continue;
    for (const attribute of ['aria-label', 'placeholder', 'title']) {
      const value = (element.getAttribute(attribute) || '').trim();
      if (value) found.add(value);
    }
  }
  return [...found];
})()`;

/** A catalogue message as an anchored pattern, each placeholder standing for any text. */
function messagePatterns(text: string): RegExp[] {
  return text
    .split('||||')
    .map((form) => form.trim())
    .filter(Boolean)
    .map((form) => {
      const literal = form.split(/%\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return new RegExp(`^${literal.join('.+')}$`, 's');
    });
}

/** Enough fixed text to be recognised: "%{name}" alone, or "%{a} %{b}", would match anything. */
function recognisable(text: string): boolean {
  return text.replace(/%\{\w+\}/g, '').replace(/[\s\p{P}]/gu, '').length >= 2;
}

/**
 * The catalogue keys whose message, in `locale`, is one of `texts` — what the screen shows
 * from the catalogue. Messages that read the same in both languages (e.g. "Dondoc") are left
 * out: they cannot tell one language from the other. `data` are texts that are records, not
 * labels (a user named "Quản trị hệ thống" reads like the ADMIN role), and stay as they are.
 */
export function catalogueKeysShown(
  texts: string[],
  locale: Locale,
  data: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const other: Locale = locale === 'vi' ? 'en' : 'vi';
  const labels = texts.filter((text) => !data.has(text));
  const shown = new Map<string, string>();
  for (const [key, text] of allMessages(locale)) {
    if (!recognisable(text)) continue;
    let otherText: string | undefined;
    try {
      otherText = message(other, key);
    } catch {
      otherText = undefined;
    }
    if (otherText === text) continue;
    const patterns = messagePatterns(text);
    const hit = labels.find((shownText) => patterns.some((p) => p.test(shownText)));
    if (hit !== undefined) shown.set(key, hit);
  }
  return shown;
}
