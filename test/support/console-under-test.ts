import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { DemoUsers } from '@dondoc/identity';
import type { Organization } from '@dondoc/organizations';
import { type Clock, FixedClock } from '@dondoc/platform';

import { bootApi, type RunningApi } from './boot-api.js';
import { launchChromium, type RunningChromium } from './chromium.js';
import { Given } from './given.js';
import { ARTIFACTS_DIR, Screenshots } from './screenshots.js';

export interface ConsoleUnderTest {
  api: RunningApi;
  chromium: RunningChromium;
  /** The one tab the tests drive (a persistent context opens with one). */
  page: Page;
  /** The Kon Tum bodies of the seed, by key (`kt.pn`, `kt.tu.vp`, …). */
  organizations: Map<string, Organization>;
  /** Uncaught errors and console errors of the page; `close()` fails when there are any. */
  pageErrors: string[];
  /** The console's address for a client-side route: `consoleUrl('/assignments')`. */
  consoleUrl(route?: string): string;
  /**
   * Moves the day for the API's FixedClock and the browser's alike (so "today" in the console
   * is the server's today); only for a console opened with a FixedClock.
   */
  setTime(at: string): Promise<void>;
  /** Saves a full-page picture of what the page (by default `page`) shows now under test/artifacts/browser. */
  screenshot(screen: string, of?: Page): Promise<string>;
  close(): Promise<void>;
}

/**
 * One API and one browser for a test file: the API boots in this process against a
 * database of its own with the Kon Tum bodies and the demo logins (as the zero-configuration
 * start loads them, FirstRun), serving the built console at /admin; Chromium opens on a fresh
 * profile. `close()` ends both, whatever state the tests left them in.
 */
export async function openConsole(suite: string, options: { clock?: Clock } = {}): Promise<ConsoleUnderTest> {
  const built = join(process.cwd(), 'apps/admin/dist/index.html');
  if (!existsSync(built)) {
    throw new Error(
      'The console is not built: run `npm run build:admin` (npm test does) before the browser tests',
    );
  }
  let api: RunningApi | undefined;
  let chromium: RunningChromium | undefined;
  try {
    // As production serves it: without introspection, so the console must carry its schema.
    api = await bootApi({ GRAPHQL_INTROSPECTION: 'false' }, options);
    const organizations = await new Given(api.app).konTum();
    await api.app.get(DemoUsers).ensure();
    chromium = await launchChromium();
    const clock = options.clock;
    // The browser's time starts at the server's and flows from there (timers run as usual).
    if (clock) await chromium.context.clock.install({ time: clock.now() });
    await expectContentSecurityPolicy(api.url);
    // Chromium logs a refusal as a console error already; this names the directive and the
    // address, so a console that breaks the policy fails its suite with the reason.
    await chromium.context.addInitScript({ content: REPORT_CSP_VIOLATIONS });
    const page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
    page.on('console', (entry) => {
      if (entry.type() === 'error') pageErrors.push(`console error: ${entry.text()}`);
    });
    const screenshots = new Screenshots(suite);
    const url = api.url;
    const running = { api, chromium };
    return {
      ...running,
      page,
      organizations,
      pageErrors,
      consoleUrl: (route = '/') => `${url}/admin/#${route}`,
      setTime: async (at) => {
        if (!(clock instanceof FixedClock))
          throw new Error('setTime needs a console opened with a FixedClock');
        clock.set(at);
        await running.chromium.context.clock.setSystemTime(new Date(at));
      },
      screenshot: (screen, of = page) => screenshots.take(of, screen),
      close: async () => {
        // Left for a person to read: what the page complained about while the tests drove it.
        if (pageErrors.length > 0) {
          writeFileSync(join(ARTIFACTS_DIR, `${suite}--page-errors.txt`), `${pageErrors.join('\n')}\n`);
        }
        await closeAll(running);
        // An uncaught error or a logged one fails the file, even when every step got through.
        if (pageErrors.length > 0) throw new Error(`The console reported errors:\n${pageErrors.join('\n')}`);
      },
    };
  } catch (error) {
    await closeAll({ api, chromium });
    throw error;
  }
}

/** Runs in the page (Node's types know no DOM, hence a script as text). */
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (event) => {
  console.error('CSP violation: ' + event.effectiveDirective + ' refused ' + (event.blockedURI || 'inline code'));
});`;

/** The browser suites run under the policy production serves: a console missing it is a failure. */
async function expectContentSecurityPolicy(url: string): Promise<void> {
  const policy = (await fetch(`${url}/admin/`)).headers.get('content-security-policy');
  if (!policy?.includes("script-src 'self'")) {
    throw new Error(`The console is served without its Content-Security-Policy (got ${policy ?? 'none'})`);
  }
}

async function closeAll({ api, chromium }: { api?: RunningApi; chromium?: RunningChromium }): Promise<void> {
  // Both, even when one fails: a Chromium or a server left behind would keep jest waiting.
  const results = await Promise.allSettled([chromium?.close(), api?.close()]);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}
