import { DEMO_PASSWORD } from '@dondoc/identity';
import { FixedClock } from '@dondoc/platform';
import { type ConsoleUnderTest, openConsole } from '@dondoc/browser-support';
import { graphql, signIn as signInApi } from '@dondoc/test-support';

import { t } from './catalogues.js';
import { signIn } from './console-actions.js';
import { publishSeed } from './published-seed.js';
import { settled } from './screen-text.js';

const L = 'app.lineage.';

/**
 * The administrator merges the Women's Union into the Farmers' Union from the body's page:
 * the confirmation says what moves (as the API counts it), and afterwards the page shows the
 * day it ceased and its successor, whose own page shows it as a predecessor.
 */
describe('the administrator merges and splits bodies', () => {
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  let ui: ConsoleUnderTest;

  beforeAll(async () => {
    ui = await openConsole('lineage', { clock });
    await publishSeed(ui.api, ui.organizations, { dueDate: '2027-03-31', shortDueDate: '2027-01-15' });
  });
  afterAll(() => ui?.close());

  /** What moves with a body that ceases, as the API counts it for the administrator. */
  async function whatMoves(id: string) {
    const admin = await signInApi(ui.api.url, 'admin@dondoc.local', DEMO_PASSWORD);
    const { body } = await graphql<{ a: { count: number }; u: { count: number }; c: { count: number } }>(
      ui.api.url,
      `
        query ($id: ID!) {
          a: _allAssignmentsMeta(
            filter: { organizationId: $id, status: [NOT_STARTED, IN_PROGRESS, COMPLETION_REQUESTED] }
          ) {
            count
          }
          u: _allUsersMeta(filter: { organizationId: $id }) {
            count
          }
          c: _allOrganizationsMeta(filter: { parentId: $id }) {
            count
          }
        }
      `,
      { id },
      admin.headers,
    );
    return { assignments: body.data!.a.count, users: body.data!.u.count, children: body.data!.c.count };
  }

  it('confirms what moves, merges, and shows the successor', async () => {
    const { page } = ui;
    const source = ui.organizations.get('kt.pn')!;
    const target = ui.organizations.get('kt.nd')!;
    const counts = await whatMoves(source.id);
    // The seed gives the Union tasks 3 and 3.1 and one login: something really moves.
    expect(counts.assignments).toBe(2);
    expect(counts.users).toBeGreaterThan(0);

    await signIn(ui, 'admin@dondoc.local');
    await page.goto(ui.consoleUrl(`/Organization/${source.id}/show`));
    await page.getByText(source.name, { exact: true }).first().waitFor();
    await page.getByRole('button', { name: t('vi', `${L}merge`), exact: true }).click();

    const dialog = page.getByRole('dialog', { name: t('vi', `${L}merge_title`, { name: source.name }) });
    const picker = dialog.getByRole('combobox', { name: t('vi', `${L}target`) });
    await picker.fill('hoi nong dan');
    await page.getByRole('option', { name: new RegExp(`^${target.name}`) }).click();
    expect(await dialog.getByLabel(t('vi', `${L}effective_date`)).inputValue()).toBe('2026-12-01');
    await dialog.getByRole('textbox', { name: t('vi', `${L}note`) }).fill('Nghị quyết số 01-NQ/TU');
    await ui.screenshot('lineage-merge-form');
    await dialog.getByRole('button', { name: t('vi', `${L}continue`), exact: true }).click();

    const confirmation = dialog.getByRole('region', { name: t('vi', `${L}confirm_heading`) });
    await confirmation
      .getByText(
        t('vi', `${L}confirm_merge`, {
          source: source.name,
          target: target.name,
          date: '1/12/2026',
          ...counts,
        }),
        { exact: true },
      )
      .waitFor();
    await ui.screenshot('lineage-merge-confirm');
    await dialog.getByRole('button', { name: t('vi', 'ra.action.confirm'), exact: true }).click();
    await dialog
      .getByText(t('vi', `${L}merged`, { source: source.name, target: target.name }), { exact: false })
      .waitFor();
    await ui.screenshot('lineage-merge-done');
    await dialog.getByRole('button', { name: t('vi', 'ra.action.close'), exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The page now says when the Union ceased and where it went.
    const lineage = page.getByRole('region', { name: t('vi', `${L}heading`), exact: true });
    await lineage.getByText('1/12/2026', { exact: true }).waitFor();
    await lineage.getByRole('link', { name: target.name, exact: true }).click();
    await page.waitForURL(new RegExp(`/Organization/${target.id}/show$`));
    const targetLineage = page.getByRole('region', { name: t('vi', `${L}heading`), exact: true });
    await targetLineage.getByRole('link', { name: source.name, exact: true }).waitFor();
    await settled(page);
    await ui.screenshot('lineage-successor');

    // The server holds the merger as the page shows it.
    const admin = await signInApi(ui.api.url, 'admin@dondoc.local', DEMO_PASSWORD);
    const { body: after } = await graphql<{
      Organization: { active: boolean; dissolvedOn: string; successors: { id: string }[] };
    }>(
      ui.api.url,
      'query ($id: ID!) { Organization(id: $id) { active dissolvedOn successors { id } } }',
      { id: source.id },
      admin.headers,
    );
    expect(after.data!.Organization).toEqual({
      active: false,
      dissolvedOn: '2026-12-01',
      successors: [{ id: target.id }],
    });
  });

  it('splits a body into two, the first continuing it, and shows both successors', async () => {
    const { page } = ui;
    const source = ui.organizations.get('kt.ccb')!;
    const names = ['Hội Cựu chiến binh tỉnh (khối Đảng)', 'Hội Cựu chiến binh tỉnh (khối chính quyền)'];
    await page.goto(ui.consoleUrl(`/Organization/${source.id}/show`));
    await page.getByText(source.name, { exact: true }).first().waitFor();
    await page.getByRole('button', { name: t('vi', `${L}split`), exact: true }).click();

    const dialog = page.getByRole('dialog', { name: t('vi', `${L}split_title`, { name: source.name }) });
    for (const [index, name] of names.entries()) {
      await dialog.getByRole('textbox', { name: t('vi', `${L}successor_name`, { n: index + 1 }) }).fill(name);
    }
    // Each new body starts as the kind of the one it comes from.
    expect(
      await dialog.getByRole('combobox', { name: t('vi', `${L}successor_kind`, { n: 2 }) }).innerText(),
    ).toBe(t('vi', `domain.organization_kind.${source.kind}`));
    await ui.screenshot('lineage-split-form');
    await dialog.getByRole('button', { name: t('vi', `${L}continue`), exact: true }).click();
    const confirmation = dialog.getByRole('region', { name: t('vi', `${L}confirm_heading`) });
    await confirmation
      .getByText(
        t('vi', `${L}confirm_split`, {
          source: source.name,
          date: '1/12/2026',
          names: names.join('; '),
          first: names[0]!,
          ...(await whatMoves(source.id)),
        }),
        { exact: true },
      )
      .waitFor();
    await dialog.getByRole('button', { name: t('vi', 'ra.action.confirm'), exact: true }).click();
    for (const name of names) await dialog.getByRole('link', { name, exact: true }).waitFor();
    await ui.screenshot('lineage-split-done');
    await dialog.getByRole('button', { name: t('vi', 'ra.action.close'), exact: true }).click();

    const lineage = page.getByRole('region', { name: t('vi', `${L}heading`), exact: true });
    for (const name of names) await lineage.getByRole('link', { name, exact: true }).waitFor();
    await settled(page);
    await ui.screenshot('lineage-split-successors');
  });
});
