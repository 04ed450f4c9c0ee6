import { DEMO_PASSWORD } from '@dondoc/identity';
import { FixedClock } from '@dondoc/platform';
import { type ConsoleUnderTest, openConsole } from '@dondoc/browser-support';
import { graphql, signIn as signInApi } from '@dondoc/test-support';

import { escapeRegExp, t } from './catalogues.js';
import { screenHeading, signIn } from './console-actions.js';
import { publishSeed, WOMENS_UNION_DEADLINE_TASK } from './published-seed.js';
import { settled } from './screen-text.js';

const WOMENS_UNION = 'Hội Liên hiệp Phụ nữ tỉnh';
const F = 'app.assignment.fields.';
const FINDING = 'Chưa tổ chức sơ kết việc thực hiện nhiệm vụ 3.1';

/**
 * The inspector's board: once a due date has passed, the overdue item is on the board under
 * its body with the days overdue, and one click opens the form that records a finding.
 */
describe('the inspector records a finding on an overdue item', () => {
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  let ui: ConsoleUnderTest;

  beforeAll(async () => {
    ui = await openConsole('inspection', { clock });
    await publishSeed(ui.api, ui.organizations, { dueDate: '2027-03-31', shortDueDate: '2027-01-15' });
    // Five days after task 3.1 of the Women's Union fell due.
    await ui.setTime('2027-01-20T02:00:00Z');
  });
  afterAll(() => ui?.close());

  it('finds the overdue item on the board, five days overdue, and records a finding', async () => {
    const { page } = ui;
    await signIn(ui, 'kiemtra@dondoc.local');
    await screenHeading(page, t('vi', 'app.home.inspector_title')).waitFor();
    const board = page.getByRole('region', { name: WOMENS_UNION, exact: true });
    await board.waitFor();
    const item = board.getByRole('listitem').filter({
      has: page.getByRole('link', { name: new RegExp(`^${escapeRegExp(WOMENS_UNION_DEADLINE_TASK)}\\. `) }),
    });
    await item.getByText(t('vi', 'app.home.days_overdue', { smart_count: 5 }), { exact: true }).waitFor();
    await item.getByText(t('vi', 'app.home.inspection_status.NONE'), { exact: true }).waitFor();
    await settled(page);
    await ui.screenshot('inspector-board');

    await item.getByRole('link', { name: t('vi', 'app.home.record_finding'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: t('vi', 'app.assignment.record_inspection') });
    await dialog.getByRole('textbox', { name: t('vi', `${F}finding`) }).fill(FINDING);
    await dialog.getByRole('combobox', { name: t('vi', `${F}severity`) }).click();
    await page.getByRole('option', { name: t('vi', 'domain.inspection_severity.HIGH'), exact: true }).click();
    await dialog
      .getByRole('textbox', { name: t('vi', `${F}remedy`) })
      .fill('Tổ chức sơ kết trước ngày 15/02/2027');
    await dialog.getByLabel(t('vi', `${F}followUpDate`)).fill('2027-02-15');
    await ui.screenshot('inspector-finding-form');
    await dialog.getByRole('button', { name: t('vi', 'app.assignment.record'), exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    await screenHeading(
      page,
      t('vi', 'app.assignment.heading', { number: WOMENS_UNION_DEADLINE_TASK, organization: WOMENS_UNION }),
    ).waitFor();
    await page
      .getByText(t('vi', 'app.timeline.inspection_recorded', { finding: FINDING }), {
        exact: true,
      })
      .first()
      .waitFor();
    await settled(page);
    await ui.screenshot('inspector-finding-recorded');

    // Back on the board, the item is now followed up.
    await page.getByRole('menuitem', { name: t('vi', 'ra.page.dashboard'), exact: true }).click();
    await item.getByText(t('vi', 'app.home.inspection_status.OPEN'), { exact: true }).waitFor();
    await ui.screenshot('inspector-board-after-finding');

    // And the server holds the finding as it was entered.
    const inspector = await signInApi(ui.api.url, 'kiemtra@dondoc.local', DEMO_PASSWORD);
    const { body } = await graphql<{
      allInspections: { finding: string; severity: string; followUpDate: string }[];
    }>(ui.api.url, '{ allInspections { finding severity followUpDate } }', undefined, inspector.headers);
    expect(body.data!.allInspections).toEqual([
      { finding: FINDING, severity: 'HIGH', followUpDate: '2027-02-15' },
    ]);
  });
});
