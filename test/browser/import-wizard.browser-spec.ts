import { fileURLToPath } from 'node:url';

import { DEMO_PASSWORD } from '@dondoc/identity';
import { SEED_DOCUMENT_URL } from '@dondoc/ingestion';
import { FixedClock } from '@dondoc/platform';
import { type ConsoleUnderTest, openConsole } from '@dondoc/browser-support';
import { graphql, signIn as signInApi } from '@dondoc/test-support';

import { escapeRegExp, pattern, t } from './catalogues.js';
import { screenHeading, signIn } from './console-actions.js';
import { settled } from './screen-text.js';

const I = 'app.import.';

/** Runs in the page: keeps the text of every live status region that appears from now on. */
const RECORD_STATUSES = `(() => {
  window.__statuses = [];
  new MutationObserver(() => {
    for (const status of document.querySelectorAll('[role="status"]')) {
      const text = status.textContent.trim();
      if (text && !window.__statuses.includes(text)) window.__statuses.push(text);
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

/**
 * The import wizard with the seed report (410-BC/TU): the office chooses the file, reviews
 * the header, outline, footnotes and citations it was read into, edits one suggested
 * assignee (found without diacritics), sets a due date and cadence for all, and publishes.
 */
describe('importing the seed report', () => {
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  let ui: ConsoleUnderTest;

  beforeAll(async () => {
    ui = await openConsole('import-wizard', { clock });
    await signIn(ui, 'thuongtruc@dondoc.local');
  });
  afterAll(() => ui?.close());

  it('reads the chosen file into its header, outline with the tasks section, footnotes and citations', async () => {
    const { page } = ui;
    await page.getByRole('menuitem', { name: t('vi', 'app.menu.import'), exact: true }).click();
    await screenHeading(page, t('vi', `${I}title`)).waitFor();
    await ui.screenshot('import-source');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: t('vi', `${I}choose_file`), exact: true }).click();
    await (await chooser).setFiles(fileURLToPath(SEED_DOCUMENT_URL));
    await page.getByText('kon-tum-410-BC-TU-2019.txt', { exact: true }).waitFor();
    await page.getByRole('button', { name: t('vi', `${I}read`), exact: true }).click();

    const header = page.getByRole('region', { name: t('vi', `${I}header`), exact: true });
    await header.getByText('410-BC/TU', { exact: true }).waitFor();
    await header.getByText('TỈNH ỦY KON TUM', { exact: true }).waitFor();
    // The outline marks the tasks section.
    const outline = page.getByRole('region', { name: t('vi', `${I}outline`), exact: true });
    await outline.getByText(t('vi', `${I}tasks_section`), { exact: true }).waitFor();
    expect(await outline.locator('[aria-current="true"]').innerText()).toContain('NHIỆM VỤ, GIẢI PHÁP');
    await page
      .getByRole('heading', { name: t('vi', `${I}tasks`, { smart_count: 7 }), exact: true })
      .waitFor();
    await page
      .getByRole('heading', { name: t('vi', `${I}footnotes`, { smart_count: 18 }), exact: true })
      .waitFor();
    await page
      .getByRole('heading', {
        name: new RegExp(
          `^${escapeRegExp(t('vi', `${I}references`)).replace('%\\{smart_count\\}', '\\d+')}$`,
        ),
      })
      .waitFor();
    await settled(page);
    await ui.screenshot('import-preview');
  });

  it('saves the draft, edits one suggestion and publishes with progress shown', async () => {
    const { page } = ui;
    await page.getByRole('button', { name: t('vi', `${I}import`), exact: true }).click();
    await screenHeading(page, t('vi', `${I}assignees_title`, { number: '410-BC/TU' })).waitFor();
    await ui.screenshot('import-assignees-suggested');

    // Task 1.1 was suggested to the Inspection Commission; the office gives it to the
    // Organization Board instead, typed without diacritics.
    const task = page.getByRole('region', {
      name: t('vi', `${I}task_heading`, { number: '1.1' }),
      exact: true,
    });
    const picker = task.getByRole('combobox', { name: t('vi', `${I}fields.organization`) }).first();
    expect(await picker.inputValue()).toBe('Ủy ban Kiểm tra Tỉnh ủy');
    await picker.fill('ban to chuc');
    await page.getByRole('option', { name: /^Ban Tổ chức Tỉnh ủy/ }).click();
    expect(await picker.inputValue()).toBe('Ban Tổ chức Tỉnh ủy');

    // One due date and a quarterly cadence for every task.
    const all = page.getByRole('region', { name: t('vi', `${I}apply_all`), exact: true });
    await all.getByLabel(t('vi', `${I}fields.dueDate`)).fill('2027-03-31');
    await all.getByRole('combobox', { name: t('vi', `${I}fields.cadence`) }).click();
    await page.getByRole('option', { name: t('vi', 'domain.cadence.QUARTERLY'), exact: true }).click();
    await all.getByRole('button', { name: t('vi', `${I}apply_all`), exact: true }).click();
    await settled(page);
    await ui.screenshot('import-assignees-edited');

    // The progress shown while saving and publishing comes and goes quickly: note every status.
    await page.evaluate(RECORD_STATUSES);
    await page.getByRole('button', { name: t('vi', `${I}publish`), exact: true }).click();
    await page.getByText(t('vi', `${I}published`, { number: '410-BC/TU' }), { exact: true }).waitFor();
    await ui.screenshot('import-published');
    const statuses = (await page.evaluate('window.__statuses')) as string[];
    expect(statuses).toEqual(
      expect.arrayContaining([expect.stringMatching(pattern('vi', `${I}saving`)), t('vi', `${I}publishing`)]),
    );

    // What the office published is what the server now holds.
    const office = await signInApi(ui.api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    const { body } = await graphql<{
      allAssignments: {
        organization: { name: string };
        dueDate: string;
        cadence: string;
        task: { number: string };
      }[];
    }>(
      ui.api.url,
      '{ allAssignments(perPage: 200) { organization { name } dueDate cadence task { number } } }',
      undefined,
      office.headers,
    );
    const assignments = body.data!.allAssignments;
    expect(assignments.filter((a) => a.task.number === '1.1').map((a) => a.organization.name)).toEqual([
      'Ban Tổ chức Tỉnh ủy',
    ]);
    expect(assignments.length).toBeGreaterThan(7);
    expect(assignments.every((a) => a.dueDate === '2027-03-31' && a.cadence === 'QUARTERLY')).toBe(true);

    await page.getByRole('link', { name: t('vi', `${I}open_document`), exact: true }).click();
    await page.getByRole('heading', { name: /^410-BC\/TU/ }).waitFor();
    await settled(page);
    await ui.screenshot('document-published');
  });
});
