import { readFile } from 'node:fs/promises';

import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import { ExportRecord } from '@dondoc/exports';
import { FixedClock, freePort } from '@dondoc/platform';
import { type ConsoleUnderTest, openConsole } from '@dondoc/browser-support';
import { builtEntry, redisUrl, startProcess, waitForExit } from '@dondoc/test-support';

import { t } from './catalogues.js';
import { signIn } from './console-actions.js';
import { publishSeed } from './published-seed.js';
import { settled } from './screen-text.js';

/**
 * The office exports the tracking table (.xlsx) of the published seed report from the
 * document's page: the worker (a real process) makes the file while the console follows it,
 * and the browser saves it under the server's name.
 */
describe('exporting the tracking table from the document page', () => {
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  // A Redis database of its own (7), so no other test's worker takes this export's job.
  const workerRedisUrl = `${redisUrl().replace(/\/\d*$/, '')}/7`;
  const redis = new Redis(workerRedisUrl);
  let ui: ConsoleUnderTest;
  let worker: ReturnType<typeof startProcess> | null = null;
  let documentId: string;

  beforeAll(async () => {
    await redis.flushdb();
    ui = await openConsole('export', { clock });
    ({ documentId } = await publishSeed(ui.api, ui.organizations, {
      dueDate: '2027-03-31',
      shortDueDate: '2026-12-10',
    }));
    worker = startProcess([builtEntry('worker')], {
      DATABASE_URL: ui.api.database.url,
      REDIS_URL: workerRedisUrl,
      JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
      WORKER_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    });
  });
  afterAll(async () => {
    if (worker) {
      worker.kill('SIGTERM');
      await waitForExit(worker, 20_000).catch(() => worker?.kill('SIGKILL'));
    }
    redis.disconnect();
    await ui?.close();
  });

  it('follows the export to the end and downloads the .xlsx under its name', async () => {
    const { page } = ui;
    await signIn(ui, 'thuongtruc@dondoc.local');
    await page.goto(ui.consoleUrl(`/Document/${documentId}/show`));
    await page.getByRole('heading', { name: /^410-BC\/TU/ }).waitFor();
    await page.getByRole('button', { name: t('vi', 'app.export.button'), exact: true }).click();
    await ui.screenshot('export-menu');

    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('menuitem', { name: t('vi', 'app.export.formats.XLSX'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: t('vi', 'app.export.formats.XLSX') });
    await dialog.waitFor();
    const saved = await download;

    // The name is the one the worker gave the file, as the database holds it.
    const records = await ui.api.app
      .get(DataSource)
      .getRepository(ExportRecord)
      .find({ where: { documentId } });
    expect(records.map((record) => [record.format, record.status])).toEqual([['XLSX', 'DONE']]);
    expect(saved.suggestedFilename()).toBe(records[0]!.fileName);
    expect(saved.suggestedFilename()).toBe('Bảng theo dõi nhiệm vụ 410-BC-TU 2026-12-01.xlsx');
    // An .xlsx is a zip archive.
    const bytes = await readFile((await saved.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(1000);

    await dialog
      .getByText(t('vi', 'app.export.done', { name: saved.suggestedFilename() }), { exact: true })
      .waitFor();
    await settled(page);
    await ui.screenshot('export-done');
  });

  it("exports the whole jurisdiction's CSV from the office's home", async () => {
    const { page } = ui;
    await page.goto(ui.consoleUrl('/'));
    await page.getByRole('heading', { name: t('vi', 'app.home.supervisor_title'), exact: true }).waitFor();
    await page.getByRole('button', { name: t('vi', 'app.export.button'), exact: true }).click();
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('menuitem', { name: t('vi', 'app.export.formats.CSV'), exact: true }).click();
    const saved = await download;
    // Neither a document nor a body: the name carries no document number.
    expect(saved.suggestedFilename()).toBe('Bảng theo dõi nhiệm vụ 2026-12-01.csv');
    const text = await readFile((await saved.path())!, 'utf8');
    expect(text).toContain('Hội Liên hiệp Phụ nữ tỉnh');
    await page.getByRole('button', { name: t('vi', 'ra.action.close'), exact: true }).click();
  });

  it("is not offered to a body's officer, who may not export", async () => {
    const { page } = ui;
    await signIn(ui, 'phunu@dondoc.local');
    await page.goto(ui.consoleUrl(`/Document/${documentId}/show`));
    await page.getByRole('heading', { name: /^410-BC\/TU/ }).waitFor();
    // The page has finished loading (its task list, read after the permissions) before looking.
    await page.getByRole('cell', { name: '3.1', exact: true }).waitFor();
    await settled(page);
    expect(await page.getByRole('button', { name: t('vi', 'app.export.button'), exact: true }).count()).toBe(
      0,
    );
  });
});
