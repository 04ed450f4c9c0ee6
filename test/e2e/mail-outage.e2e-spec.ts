import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';

import { Mailer, NotificationKind, NotificationsService } from '@dondoc/notifications';
import { FixedClock } from '@dondoc/platform';
import { bootApi, Given, graphql, type RunningApi, Role, signIn, TEST_PASSWORD } from '@dondoc/test-support';

/**
 * E-mail through an SMTP outage (issue 15), on the API's own mailer and database with a mail
 * server of the test's own, the clock moved by hand: failed sends come back after a growing
 * delay, a batch meeting the server down makes one connection, ten minutes of outage lose
 * nothing and duplicate nothing, and what finally gives up is an administrator's to see and
 * send again.
 */
const MINUTE = 60_000;
const GIVE_UP_AFTER = 9;

/** A mail server that can be "down": it answers every connection with 421 and hangs up. */
async function fakeSmtp() {
  const state = { down: false, connections: 0, received: [] as string[] };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      state.connections++;
      if (!state.down) return callback();
      callback(Object.assign(new Error('Service not available'), { responseCode: 421 }));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const messageId = /^Message-ID:\s*<([^>]+)@dondoc\.local>/im.exec(Buffer.concat(chunks).toString());
        state.received.push(messageId?.[1] ?? 'none');
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    state,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('e-mail through an SMTP outage', () => {
  const clock = new FixedClock('2027-04-05T01:00:00.000Z');
  let smtp: Awaited<ReturnType<typeof fakeSmtp>>;
  let api: RunningApi;
  let dataSource: DataSource;
  /** Two workers' mailers on the same database. */
  let mailers: [Mailer, Mailer];
  let officers: string[];
  let admin: { id: string; email: string };
  let supervisor: { email: string };

  beforeAll(async () => {
    smtp = await fakeSmtp();
    api = await bootApi(
      { SMTP_URL: smtp.url, MAIL_GIVE_UP_AFTER_ATTEMPTS: String(GIVE_UP_AFTER) },
      { clock },
    );
    dataSource = api.app.get(DataSource);
    mailers = [api.app.get(Mailer), new Mailer(dataSource, api.config, clock)];
    const given = new Given(api.app);
    const konTum = await given.konTum();
    const womensUnion = konTum.get('kt.pn')!;
    officers = [
      (await given.user(Role.ORG_OFFICER, womensUnion)).id,
      (await given.user(Role.ORG_OFFICER, womensUnion)).id,
    ];
    admin = await given.user(Role.ADMIN, konTum.get('kt.tu.vp')!);
    supervisor = await given.user(Role.SUPERVISOR, konTum.get('kt.tu.vp')!);
  });
  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  /** `count` notifications, shared among the recipients, created now by the clock. */
  async function notify(count: number, recipients = officers): Promise<string[]> {
    const created = await api.app.get(NotificationsService).notify(
      Array.from({ length: count / recipients.length }, () => ({
        kind: NotificationKind.DUE_SOON,
        key: `DUE_SOON:${randomUUID()}`,
        organizationIds: [],
        userIds: recipients,
        facts: {
          taskText: 'Nhiệm vụ thử',
          organizationName: 'Hội Liên hiệp Phụ nữ tỉnh',
          dueDate: '2027-04-30',
        },
      })),
    );
    return created.map((notification) => notification.id);
  }

  const oneRuns = () => mailers[0].sendDue(100);
  /** One scheduled run of each worker, at the same time. */
  const bothRun = () => Promise.all(mailers.map((mailer) => mailer.sendDue(100)));

  const rows = (ids: string[]) =>
    dataSource.query<
      { id: string; attempts: number; next: Date | null; failed: Date | null; error: string | null }[]
    >(
      `SELECT id, email_attempts AS attempts, email_next_attempt_at AS next, email_failed_at AS failed,
              email_last_error AS error
         FROM notifications WHERE id = ANY($1::uuid[]) ORDER BY id`,
      [ids],
    );

  const pending = async (ids: string[]) =>
    (
      await dataSource.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM notifications WHERE id = ANY($1::uuid[]) AND emailed_at IS NULL',
        [ids],
      )
    )[0]!.count;

  /** How many times each of `ids` reached the server (every one should be 1). */
  const deliveries = (ids: string[]) => ids.map((id) => smtp.state.received.filter((r) => r === id).length);

  it('while the server is down, a batch of 100 makes one connection, and the retries follow 1, 2, 4 … 60 minutes', async () => {
    const ids = await notify(100);
    smtp.state.down = true;
    const before = smtp.state.connections;
    // One worker here: two claiming at the same instant may split the batch, one attempt each.
    const first = await oneRuns();
    // It met the server down once and deferred the rest of the batch untried.
    expect(first).toMatchObject({ sent: 0, failed: 1, deferred: 99, serverDown: true });
    expect(smtp.state.connections - before).toBe(1);
    const afterFirst = await rows(ids);
    expect(new Set(afterFirst.map((row) => row.next!.getTime())).size).toBe(1);
    const failing = afterFirst.find((row) => row.attempts === 1)!;
    expect(failing.error).toMatch(/421 Service not available/);

    // After the n-th failure the next attempt is min(2^(n-1), 60) minutes later, less up to a fifth.
    const expected = [1, 2, 4, 8, 16, 32, 60];
    const delays: number[] = [];
    for (const [index, minutes] of expected.entries()) {
      const [row] = await rows([failing.id]);
      expect(row!.attempts).toBe(index + 1);
      const delay = row!.next!.getTime() - clock.now().getTime();
      delays.push(delay / MINUTE);
      expect(delay).toBeGreaterThanOrEqual(minutes * MINUTE * 0.8);
      expect(delay).toBeLessThanOrEqual(minutes * MINUTE);
      // A run a second early finds nothing due and connects to nobody.
      const connections = smtp.state.connections;
      clock.set(new Date(row!.next!.getTime() - 1000));
      expect(await oneRuns()).toMatchObject({ sent: 0, failed: 0 });
      expect(smtp.state.connections).toBe(connections);
      clock.set(row!.next!);
      expect(await oneRuns()).toMatchObject({ failed: 1, deferred: 99 });
      expect(smtp.state.connections).toBe(connections + 1);
    }
    process.stdout.write(`mail retry delays (minutes): ${delays.map((d) => d.toFixed(2)).join(', ')}\n`);

    // Back up: at the next due time every message goes, once.
    smtp.state.down = false;
    const [row] = await rows([failing.id]);
    clock.set(row!.next!);
    const [a, b] = await bothRun();
    expect(a.sent + b.sent).toBe(100);
    expect(await pending(ids)).toBe(0);
    expect(deliveries(ids)).toEqual(ids.map(() => 1));
  });

  it('SMTP down for 10 minutes: afterwards every message is delivered exactly once', async () => {
    const ids = await notify(40);
    smtp.state.down = true;
    const start = clock.now().getTime();
    const before = smtp.state.connections;
    // Both workers run every 30 seconds, as the schedule does, through ten minutes of outage,
    // while new notifications keep coming and the event handler sends each at once.
    let runs = 0;
    for (let at = start; at <= start + 10 * MINUTE; at += 30_000) {
      clock.set(new Date(at));
      ids.push(...(await notify(2)));
      await mailers[0].sendPending();
      await bothRun();
      runs++;
    }
    const attempts = smtp.state.connections - before;
    expect(await pending(ids)).toBe(ids.length);
    // Each worker fails at about 0, 1, 3 and 7 minutes and leaves the server alone in between:
    // a handful of connections, not one per message, per run or per new notification.
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(attempts).toBeLessThanOrEqual(10);
    expect((await rows(ids)).every((row) => row.failed === null)).toBe(true);

    smtp.state.down = false;
    let recoveredAt = 0;
    for (let at = start + 10 * MINUTE + 30_000; at <= start + 30 * MINUTE; at += 30_000) {
      clock.set(new Date(at));
      await bothRun();
      if ((await pending(ids)) === 0) {
        recoveredAt = at;
        break;
      }
    }
    expect(recoveredAt).toBeGreaterThan(0);
    expect(deliveries(ids)).toEqual(ids.map(() => 1));
    process.stdout.write(
      `10-minute outage: ${runs} runs × 2 workers made ${attempts} connection(s); ` +
        `all ${ids.length} delivered once ${(recoveredAt - start - 10 * MINUTE) / MINUTE} min after the server came back\n`,
    );
  });

  it('a message that gives up is listed for an administrator, not a supervisor, and a retry delivers it once', async () => {
    const [id] = await notify(1, [officers[0]!]);
    smtp.state.down = true;
    for (let attempt = 1; attempt <= GIVE_UP_AFTER; attempt++) {
      const [row] = await rows([id!]);
      if (row!.next) clock.set(row!.next);
      await bothRun();
    }
    const [given] = await rows([id!]);
    expect(given).toMatchObject({ attempts: GIVE_UP_AFTER, next: null });
    expect(given!.failed).toEqual(clock.now());
    smtp.state.down = false;
    // Given up: no run sends it any more.
    clock.set(new Date(clock.now().getTime() + 24 * 60 * MINUTE));
    await bothRun();
    expect(deliveries([id!])).toEqual([0]);

    const asAdmin = (await signIn(api.url, admin.email, TEST_PASSWORD)).headers;
    const asSupervisor = (await signIn(api.url, supervisor.email, TEST_PASSWORD)).headers;
    const list = `query { undeliveredEmails(filter: { givenUp: true }) {
      id recipientEmail attempts lastError nextAttemptAt givenUpAt } }`;
    const listed = await graphql<{ undeliveredEmails: Record<string, unknown>[] }>(
      api.url,
      list,
      {},
      asAdmin,
    );
    expect(listed.body.errors).toBeUndefined();
    expect(listed.body.data!.undeliveredEmails).toEqual([
      expect.objectContaining({
        id,
        attempts: GIVE_UP_AFTER,
        lastError: expect.stringMatching(/421/),
        nextAttemptAt: null,
        givenUpAt: given!.failed!.toISOString(),
        recipientEmail: expect.stringMatching(/@test\.local$/),
      }),
    ]);
    const retry = 'mutation ($ids: [ID!]) { retryUndeliveredEmails(ids: $ids) }';
    for (const operation of [list, retry]) {
      const refused = await graphql(api.url, operation, {}, asSupervisor);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }

    // Without ids: every given-up message, this one; audited as the administrator's.
    const retried = await graphql<{ retryUndeliveredEmails: number }>(api.url, retry, {}, asAdmin);
    expect(retried.body.data).toEqual({ retryUndeliveredEmails: 1 });
    const audit = await graphql<{ allAuditEvents: { action: string; actorId: string | null }[] }>(
      api.url,
      'query ($id: ID!) { allAuditEvents(filter: { entityId: $id }) { action actorId } }',
      { id },
      asAdmin,
    );
    expect(audit.body.data!.allAuditEvents).toEqual([
      { action: 'notification.email_retried', actorId: admin.id },
    ]);
    await bothRun();
    await bothRun();
    expect(deliveries([id!])).toEqual([1]);
    const after = await graphql<{ undeliveredEmails: unknown[] }>(api.url, list, {}, asAdmin);
    expect(after.body.data!.undeliveredEmails).toEqual([]);
  });
});
