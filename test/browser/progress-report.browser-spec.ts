import { FixedClock } from '@dondoc/platform';
import { type ConsoleUnderTest, openConsole } from '@dondoc/browser-support';

import { escapeRegExp, t } from './catalogues.js';
import { screenHeading, signIn, signOut } from './console-actions.js';
import { publishSeed, WOMENS_UNION_TASK } from './published-seed.js';
import { settled } from './screen-text.js';

const WOMENS_UNION = 'Hội Liên hiệp Phụ nữ tỉnh';
const F = 'app.assignment.fields.';

/**
 * A quarterly report through the console: the Women's Union officer sends it from her home,
 * the office returns it with a comment, she corrects and resends it, the office accepts it.
 */
describe("the Women's Union's quarterly report", () => {
  // Early in the fourth quarter of 2026, after the seed report was published.
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  let ui: ConsoleUnderTest;
  const period = '2026-Q4';
  const line = (percent: number, status: string) =>
    t('vi', 'app.assignment.report_line', {
      period,
      percent,
      status: t('vi', `domain.report_status.${status}`),
    });

  beforeAll(async () => {
    ui = await openConsole('progress-report', { clock });
    await publishSeed(ui.api, ui.organizations, { dueDate: '2027-03-31', shortDueDate: '2027-01-15' });
  });
  afterAll(() => ui?.close());

  const assignmentHeading = () =>
    screenHeading(
      ui.page,
      t('vi', 'app.assignment.heading', { number: WOMENS_UNION_TASK, organization: WOMENS_UNION }),
    );

  /** Fills and sends the report dialog that is open on the page. */
  async function sendReport(percent: number, results: string) {
    const dialog = ui.page.getByRole('dialog', { name: t('vi', 'app.assignment.submit_report') });
    await dialog.waitFor();
    expect(await dialog.getByRole('textbox', { name: t('vi', `${F}period`) }).inputValue()).toBe(period);
    await dialog.getByRole('spinbutton', { name: t('vi', `${F}percentComplete`) }).fill(String(percent));
    await dialog.getByRole('textbox', { name: t('vi', `${F}results`) }).fill(results);
    await ui.screenshot(`officer-report-form-${percent}`);
    await dialog.getByRole('button', { name: t('vi', 'app.assignment.send'), exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  it('the officer sends the report from her home, one click from the form', async () => {
    const { page } = ui;
    await signIn(ui, 'phunu@dondoc.local');
    await screenHeading(page, t('vi', 'app.home.officer_title')).waitFor();
    await settled(page);
    await ui.screenshot('officer-home');
    const openWork = page.getByRole('region', {
      name: new RegExp(`^${escapeRegExp(t('vi', 'app.home.open_work'))}`),
    });
    const task = openWork.getByRole('listitem').filter({ hasText: new RegExp(`^${WOMENS_UNION_TASK} `) });
    await task.getByRole('link', { name: t('vi', 'app.home.write_report'), exact: true }).click();
    // The assignment page opens with the report form already open over it.
    await sendReport(40, 'Đã tổ chức 12 hội nghị tuyên truyền');
    await assignmentHeading().waitFor();
    await page.getByText(line(40, 'SUBMITTED'), { exact: true }).waitFor();
    await ui.screenshot('officer-report-sent');
    await signOut(page);
  });

  it('the office returns it with a comment', async () => {
    const { page } = ui;
    await signIn(ui, 'thuongtruc@dondoc.local');
    await screenHeading(page, t('vi', 'app.home.supervisor_title')).waitFor();
    const toReview = page.getByRole('region', {
      name: new RegExp(`^${escapeRegExp(t('vi', 'app.home.reports_to_review'))}`),
    });
    const waiting = toReview.getByRole('link', {
      name: new RegExp(`^${WOMENS_UNION_TASK} — ${WOMENS_UNION}`),
    });
    await waiting.waitFor();
    await settled(page);
    await ui.screenshot('office-home-report-waiting');
    await waiting.click();
    await assignmentHeading().waitFor();
    await page.getByText(line(40, 'SUBMITTED'), { exact: true }).waitFor();
    await ui.screenshot('office-assignment-report-submitted');

    await page.getByRole('button', { name: t('vi', 'app.assignment.return'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: t('vi', 'app.assignment.return_report') });
    await dialog
      .getByRole('textbox', { name: t('vi', `${F}comment`) })
      .fill('Bổ sung số liệu hội viên tham gia');
    await ui.screenshot('office-return-form');
    await dialog.getByRole('button', { name: t('vi', 'app.assignment.return'), exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(line(40, 'RETURNED'), { exact: true }).waitFor();
    await page.getByText('Bổ sung số liệu hội viên tham gia', { exact: false }).waitFor();
    await ui.screenshot('office-report-returned');
    await signOut(page);
  });

  it('the officer finds it returned on her home and resends it', async () => {
    const { page } = ui;
    await signIn(ui, 'phunu@dondoc.local');
    const returned = page.getByRole('region', {
      name: new RegExp(`^${escapeRegExp(t('vi', 'app.home.reports_returned'))}`),
    });
    const resubmit = returned.getByRole('link', { name: t('vi', 'app.assignment.resubmit'), exact: true });
    await resubmit.waitFor();
    await settled(page);
    await ui.screenshot('officer-home-report-returned');
    await resubmit.click();
    await sendReport(45, 'Đã tổ chức 12 hội nghị, 1.250 hội viên tham gia');
    await assignmentHeading().waitFor();
    await page.getByText(line(45, 'SUBMITTED'), { exact: true }).waitFor();
    await ui.screenshot('officer-report-resent');
    await signOut(page);
  });

  it('the office accepts it', async () => {
    const { page } = ui;
    await signIn(ui, 'thuongtruc@dondoc.local');
    const toReview = page.getByRole('region', {
      name: new RegExp(`^${escapeRegExp(t('vi', 'app.home.reports_to_review'))}`),
    });
    await toReview.getByRole('link', { name: new RegExp(`^${WOMENS_UNION_TASK} — ${WOMENS_UNION}`) }).click();
    await assignmentHeading().waitFor();
    await page.getByRole('button', { name: t('vi', 'app.assignment.accept'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: t('vi', 'app.assignment.accept_report') });
    await dialog.getByRole('button', { name: t('vi', 'app.assignment.accept'), exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(line(45, 'ACCEPTED'), { exact: true }).waitFor();
    await ui.screenshot('office-report-accepted');
    // Nothing waits for the office any more.
    await page.goto(ui.consoleUrl('/'));
    await toReview.getByText(t('vi', 'app.home.none'), { exact: true }).waitFor();
    await signOut(page);
  });
});
