import { DEMO_PASSWORD } from '@dondoc/identity';
import { type ConsoleUnderTest, openConsole } from '@dondoc/browser-support';
import { signIn } from '@dondoc/test-support';

/**
 * The queue board (bull-board) under the Content-Security-Policy every answer carries: it
 * draws its queues, and the page reports no refusal (openConsole fails the file on any).
 */
describe('the queue board under the content security policy', () => {
  let ui: ConsoleUnderTest;

  beforeAll(async () => {
    ui = await openConsole('queue-board');
  });
  afterAll(() => ui?.close());

  it('shows the queues to an administrator', async () => {
    const { page } = ui;
    const { accessToken } = await signIn(ui.api.url, 'admin@dondoc.local', DEMO_PASSWORD);
    await page.goto(`${ui.api.url}/admin/queues?access_token=${encodeURIComponent(accessToken)}`);
    for (const queue of ['events', 'follow-up', 'exports'])
      await page.getByText(queue, { exact: true }).first().waitFor();
    await ui.screenshot('queue-board');
  });
});
