// The console's cold load in headless Chromium (playwright-core driving Debian's chromium)
// and the gzip size of its main chunk.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const CHROMIUM = '/usr/bin/chromium';
const DIST = 'apps/admin/dist';

/** The largest JavaScript chunk of the built console (the entry), gzipped at level 9, in KB. */
export function mainChunkGzipKb() {
  const assets = join(DIST, 'assets');
  if (!existsSync(assets)) return { kb: null, why: `${DIST} is not built (npm run build:admin)` };
  const chunks = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, size: statSync(join(assets, name)).size }))
    .sort((a, b) => b.size - a.size);
  const entry = readFileSync(join(DIST, 'index.html'), 'utf8').match(/assets\/([^"]+\.js)/)?.[1];
  const name = entry ?? chunks[0]?.name;
  if (!name) return { kb: null, why: 'no JavaScript chunk in the build' };
  const gz = gzipSync(readFileSync(join(assets, name)), { level: 9 }).length;
  return { kb: Math.round(gz / 102.4) / 10, name };
}

/** Cold loads measured; the figure is their median (one load on this shared machine is noise). */
const RUNS = 5;

/**
 * Opens /admin/ on the running API in a fresh browser (no cache), signs in and waits for the
 * assignment list to show rows; returns the median milliseconds from navigation to the rows
 * over RUNS cold loads, each in a fresh context signed in anew (the refresh cookie rotates).
 */
export async function coldLoadMs(base, email) {
  if (!existsSync(CHROMIUM)) return { ms: null, why: `${CHROMIUM} is not installed` };
  let chromium;
  try {
    chromium = createRequire(import.meta.url)('playwright-core').chromium;
  } catch {
    return { ms: null, why: 'playwright-core is not installed' };
  }
  if (!existsSync(join(DIST, 'index.html'))) return { ms: null, why: `${DIST} is not built` };
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneColdLoad(browser, base, email));
    const sorted = [...runs].sort((a, b) => a - b);
    return { ms: sorted[Math.floor(RUNS / 2)], runs };
  } finally {
    await browser.close();
  }
}

async function oneColdLoad(browser, base, email) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Signed in beforehand, so the cold load measured is the console's, not the login form's.
  // The login form's names in either catalogue (Vietnamese first).
  await page.goto(`${base}/admin/#/login`);
  await page.getByRole('textbox', { name: /^(Thư điện tử|Email)$/ }).fill(email);
  await page.getByRole('textbox', { name: /^(Mật khẩu|Password)$/ }).fill('dondoc-demo');
  await page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
  await page.waitForLoadState('networkidle');
  const fresh = await browser.newContext({ storageState: await context.storageState() });
  await context.close();
  try {
    const cold = await fresh.newPage();
    const started = performance.now();
    await cold.goto(`${base}/admin/#/Assignment`);
    // A row with text: react-admin draws blank placeholder rows (non-breaking spaces) in the
    // table once a list has been loading for a second, which must not count as the list.
    await cold.locator('table tbody tr').filter({ hasText: /\S/ }).first().waitFor({ timeout: 30_000 });
    return Math.round(performance.now() - started);
  } finally {
    await fresh.close();
  }
}
