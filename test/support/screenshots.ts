import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

/** Where the browser tests leave a picture of every screen they visit (ignored by git). */
export const ARTIFACTS_DIR = join(process.cwd(), 'test/artifacts/browser');

/**
 * Names screenshots `<suite>--<nn>-<screen>.png`: grouped by test file, in the order the
 * screens were visited, each named for what it shows.
 */
export class Screenshots {
  private count = 0;
  readonly taken: string[] = [];

  constructor(private readonly suite: string) {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    // A suite's pictures (and notes) are those of its last run only.
    for (const file of readdirSync(ARTIFACTS_DIR)) {
      if (file.startsWith(`${suite}--`)) rmSync(join(ARTIFACTS_DIR, file));
    }
  }

  async take(page: Page, screen: string): Promise<string> {
    this.count += 1;
    const slug = screen
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const file = join(ARTIFACTS_DIR, `${this.suite}--${String(this.count).padStart(2, '0')}-${slug}.png`);
    // From the top: a full-page picture of a scrolled page draws the fixed app bar mid-page.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: file, fullPage: true });
    this.taken.push(file);
    return file;
  }
}
