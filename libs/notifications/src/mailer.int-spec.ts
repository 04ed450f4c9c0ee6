import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTestDatabase } from '@dondoc/test-support';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';

import { User } from '@dondoc/identity';
import { Organization } from '@dondoc/organizations';
import { FixedClock, buildDataSourceOptions, loadConfig } from '@dondoc/platform';

import { Mailer } from './mailer.js';
import { NotificationKind } from './notification-kind.js';
import { Notification } from './notification.entity.js';
import { NotificationsService } from './notifications.service.js';

const TASK = 'Tăng cường công tác dân vận của cơ quan nhà nước các cấp.';
const APP_URL = 'https://dondoc.example.vn';

/**
 * A message as a mail program reads it: headers unfolded, encoded words (RFC 2047) and
 * the body's transfer encoding decoded, as UTF-8.
 */
function readMessage(raw: string): { headers: Map<string, string>; body: string } {
  const [head, ...rest] = raw.replace(/\r\n/g, '\n').split('\n\n');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const encoded = rest.join('\n\n');
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const body =
    encoding === 'base64'
      ? Buffer.from(encoded, 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? quotedPrintable(encoded.replace(/=\n/g, ''))
        : encoded;
  return { headers, body };
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : quotedPrintable(text.replace(/_/g, ' ')),
    );
}

function quotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

describe('Mailer', () => {
  const clock = new FixedClock('2027-04-03T01:00:00.000Z');
  const cleanups: (() => Promise<unknown>)[] = [];

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  /** A database, a body with an officer in each language, and overdue notifications for them. */
  async function given({ smtpUrl, notifications = 1 }: { smtpUrl?: string; notifications?: number } = {}) {
    const database = await createTestDatabase();
    const dataSource = new DataSource(
      buildDataSourceOptions({ url: database.url, entities: [Notification, User, Organization] }),
    );
    await dataSource.initialize();
    const dataDir = await mkdtemp(join(tmpdir(), 'dondoc-mail-'));
    cleanups.push(
      () => database.drop(),
      () => dataSource.destroy(),
      () => rm(dataDir, { recursive: true, force: true }),
    );
    const config = loadConfig({ NODE_ENV: 'test', APP_URL, DATA_DIR: dataDir, SMTP_URL: smtpUrl });
    const [{ id: organizationId }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO organizations (name, kind, level, path)
       VALUES ('Hội Liên hiệp Phụ nữ tỉnh', 'SOCIO_POLITICAL', 'PROVINCE', 'x') RETURNING id`,
    );
    const users = await dataSource.query<{ id: string; email: string; locale: string }[]>(
      `INSERT INTO users (email, name, organization_id, roles, locale, password_hash)
       VALUES ('can.bo@phunu.kontum.gov.vn', 'Nguyễn Thị Hoa', $1, '{ORG_OFFICER}', 'vi', 'x'),
              ('officer@phunu.kontum.gov.vn', 'Hoa Nguyen', $1, '{ORG_OFFICER}', 'en', 'x')
       RETURNING id, email, locale`,
      [organizationId],
    );
    const service = new NotificationsService(dataSource.getRepository(Notification), clock, config);
    const assignmentIds = Array.from({ length: notifications }, () => randomUUID());
    const created = await service.notify(
      assignmentIds.map((assignmentId) => ({
        kind: NotificationKind.OVERDUE,
        key: `OVERDUE:${assignmentId}:2027-03-31`,
        organizationIds: [organizationId],
        assignmentId,
        facts: {
          taskText: TASK,
          organizationName: 'Hội Liên hiệp Phụ nữ tỉnh',
          dueDate: '2027-03-31',
          daysOverdue: 3,
        },
      })),
    );
    return {
      dataSource,
      config,
      dataDir,
      created,
      vi: users.find((u) => u.locale === 'vi')!,
      en: users.find((u) => u.locale === 'en')!,
      mailer: () => new Mailer(dataSource, config, clock),
    };
  }

  const pending = async (dataSource: DataSource) =>
    (
      await dataSource.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM notifications WHERE emailed_at IS NULL',
      )
    )[0].count;

  describe('without SMTP_URL', () => {
    it('writes each message as an .eml file a person can open, Vietnamese intact', async () => {
      const { dataSource, dataDir, created, vi, en, mailer } = await given();
      expect(await mailer().sendPending()).toMatchObject({ sent: 2, failed: 0 });

      const files = (await readdir(join(dataDir, 'mail'))).sort();
      expect(files).toEqual(created.map((n) => `2027-04-03T01-00-00.000Z-${n.id}.eml`).sort());
      const messages = await Promise.all(
        files.map(async (file) => readMessage(await readFile(join(dataDir, 'mail', file), 'utf8'))),
      );
      const toVi = messages.find((m) => m.headers.get('to')!.includes(vi.email))!;
      expect(toVi.headers.get('subject')).toBe(`Nhiệm vụ quá hạn: ${TASK}`);
      expect(toVi.headers.get('from')).toBe('Dondoc <no-reply@dondoc.local>');
      expect(toVi.headers.get('to')).toBe('Nguyễn Thị Hoa <can.bo@phunu.kontum.gov.vn>');
      expect(toVi.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/i);
      expect(toVi.body).toContain(
        'Nhiệm vụ giao Hội Liên hiệp Phụ nữ tỉnh đã quá hạn 3 ngày (hạn ngày 31/03/2027).',
      );
      const vietnamese = created.find((n) => n.recipientUserId === vi.id)!;
      expect(toVi.body).toContain(
        `Xem chi tiết: ${APP_URL}/admin/#/assignments/${vietnamese.assignmentId}/show`,
      );
      expect(toVi.headers.get('message-id')).toBe(`<${vietnamese.id}@dondoc.local>`);

      const toEn = messages.find((m) => m.headers.get('to')!.includes(en.email))!;
      expect(toEn.headers.get('subject')).toBe(`Task overdue: ${TASK}`);
      // Raw, the subject is an encoded word: plain ASCII on the wire.
      const raw = await readFile(join(dataDir, 'mail', files[0]), 'utf8');
      expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);

      expect(await pending(dataSource)).toBe(0);
    });

    it('never e-mails a notification twice: run again, or two workers at once', async () => {
      const { dataSource, dataDir, mailer } = await given({ notifications: 30 });
      const [first, second] = await Promise.all([mailer().sendPending(25), mailer().sendPending(25)]);
      // Each worker took rows the other had not locked; together, every one exactly once.
      expect(first.sent + second.sent).toBe(50);
      expect(first.failed + second.failed).toBe(0);
      const third = await mailer().sendPending(25);
      expect(third).toMatchObject({ sent: 10, failed: 0 });
      expect(await mailer().sendPending()).toMatchObject({ sent: 0, failed: 0 });
      expect(await readdir(join(dataDir, 'mail'))).toHaveLength(60);
      expect(await pending(dataSource)).toBe(0);
    });
  });

  describe('with SMTP_URL', () => {
    interface Received {
      from: string;
      to: string[];
      raw: string;
    }

    /** An SMTP server on a free port, taking everything except mail to `refuse@…`. */
    async function smtpServer(): Promise<{ url: string; received: Received[] }> {
      const received: Received[] = [];
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onRcptTo(address, _session, callback) {
          if (address.address.startsWith('refuse@')) callback(new Error('550 No such mailbox'));
          else callback();
        },
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              raw: Buffer.concat(chunks).toString('utf8'),
            });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      cleanups.push(() => new Promise((resolve) => server.close(() => resolve(undefined))));
      const { port } = server.server.address() as AddressInfo;
      return { url: `smtp://127.0.0.1:${port}`, received };
    }

    it('delivers to the recipient with the Vietnamese subject and body intact and the link', async () => {
      const smtp = await smtpServer();
      const { dataSource, dataDir, created, vi, mailer } = await given({ smtpUrl: smtp.url });
      expect(await mailer().sendPending()).toMatchObject({ sent: 2, failed: 0 });
      expect(await mailer().sendPending()).toMatchObject({ sent: 0, failed: 0 });

      expect(smtp.received).toHaveLength(2);
      const delivery = smtp.received.find((r) => r.to.includes(vi.email))!;
      expect(delivery.to).toEqual(['can.bo@phunu.kontum.gov.vn']);
      expect(delivery.from).toBe('no-reply@dondoc.local');
      const message = readMessage(delivery.raw);
      expect(message.headers.get('subject')).toBe(`Nhiệm vụ quá hạn: ${TASK}`);
      expect(message.body).toContain('Nhiệm vụ: Tăng cường công tác dân vận của cơ quan nhà nước các cấp.');
      expect(message.body).toContain('Cơ quan, đơn vị: Hội Liên hiệp Phụ nữ tỉnh');
      expect(message.body).toContain('Thời hạn: 31/03/2027');
      const link = `${APP_URL}/admin/#/assignments/${created[0].assignmentId}/show`;
      expect(message.body).toContain(link);
      // Nothing written to files when a server is configured.
      await expect(readdir(join(dataDir, 'mail'))).rejects.toMatchObject({ code: 'ENOENT' });
      expect(await pending(dataSource)).toBe(0);
    });

    it('sends from the SMTP account when its user is an address', async () => {
      const smtp = await smtpServer();
      const url = smtp.url.replace('smtp://', 'smtp://thongbao%40kontum.gov.vn:secret@');
      const { mailer } = await given({ smtpUrl: url });
      expect(mailer().from).toBe('Dondoc <thongbao@kontum.gov.vn>');
    });

    it('counts a refused recipient as its own failure: the rest of the batch is sent, it is due again after the back-off', async () => {
      const smtp = await smtpServer();
      const { dataSource, vi, mailer } = await given({ smtpUrl: smtp.url });
      await dataSource.query(`UPDATE users SET email = 'refuse@phunu.kontum.gov.vn' WHERE id = $1`, [vi.id]);
      // Whichever comes first, the batch goes on past a refusal: it says nothing of the server.
      expect(await mailer().sendPending()).toEqual({
        sent: 1,
        failed: 1,
        gaveUp: 0,
        deferred: 0,
        serverDown: false,
      });
      // Not due yet: the first retry is a minute later (less up to a fifth, at random).
      expect(await mailer().sendPending()).toMatchObject({ sent: 0, failed: 0 });
      const [row] = await dataSource.query<
        { email_attempts: number; emailed_at: Date | null; delay_ms: number; email_last_error: string }[]
      >(
        `SELECT email_attempts, emailed_at, email_last_error,
                extract(epoch FROM email_next_attempt_at - $2::timestamptz) * 1000 AS delay_ms
           FROM notifications WHERE recipient_user_id = $1`,
        [vi.id, clock.now().toISOString()],
      );
      expect(row).toMatchObject({ email_attempts: 1, emailed_at: null });
      expect(row!.email_last_error).toMatch(/^EENVELOPE: .*550 No such mailbox/);
      expect(Number(row!.delay_ms)).toBeGreaterThanOrEqual(48_000);
      expect(Number(row!.delay_ms)).toBeLessThanOrEqual(60_000);
      expect(smtp.received).toHaveLength(1);
    });
  });
});
