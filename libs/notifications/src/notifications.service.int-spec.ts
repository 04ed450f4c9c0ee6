import { randomUUID } from 'node:crypto';

import { type TestDatabase, createTestDatabase } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import { User } from '@dondoc/identity';
import { Organization } from '@dondoc/organizations';
import { DomainErrorCode, FixedClock, buildDataSourceOptions, loadConfig } from '@dondoc/platform';

import { NotificationKind } from './notification-kind.js';
import { Notification } from './notification.entity.js';
import { type NotificationRequest, NotificationsService } from './notifications.service.js';

describe('NotificationsService', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let service: NotificationsService;
  const clock = new FixedClock('2027-04-03T01:00:00.000Z');
  const config = loadConfig({ NODE_ENV: 'test', APP_URL: 'https://dondoc.example.vn' });

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(
      buildDataSourceOptions({ url: database.url, entities: [Notification, User, Organization] }),
    );
    await dataSource.initialize();
    service = new NotificationsService(dataSource.getRepository(Notification), clock, config);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** A body of its own for each call, so every test sees only its own people. */
  async function organization(name: string): Promise<string> {
    const [{ id }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO organizations (name, kind, level, path) VALUES ($1, 'SOCIO_POLITICAL', 'PROVINCE', 'x')
       RETURNING id`,
      [name],
    );
    return id;
  }

  async function user(
    organizationId: string,
    {
      roles = ['ORG_OFFICER'],
      locale = 'vi',
      active = true,
    }: { roles?: string[]; locale?: string; active?: boolean } = {},
  ): Promise<string> {
    const [{ id }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO users (email, name, organization_id, roles, locale, password_hash, active)
       VALUES ($1, 'Cán bộ', $2, $3, $4, 'x', $5) RETURNING id`,
      [`${randomUUID()}@test.local`, organizationId, roles, locale, active],
    );
    return id;
  }

  /** Two bodies: ours with an officer (vi), a colleague (en), a supervisor and a former officer; theirs with one officer. */
  async function given() {
    const ours = await organization('Hội Liên hiệp Phụ nữ tỉnh');
    const theirs = await organization('Hội Nông dân tỉnh');
    return {
      ours,
      theirs,
      officer: await user(ours),
      colleague: await user(ours, { locale: 'en', roles: ['ORG_OFFICER', 'VIEWER'] }),
      supervisor: await user(ours, { roles: ['SUPERVISOR'] }),
      former: await user(ours, { active: false }),
      stranger: await user(theirs),
    };
  }

  const overdue = (
    organizationIds: string[],
    extra: Partial<NotificationRequest> = {},
  ): NotificationRequest => {
    const assignmentId = randomUUID();
    return {
      kind: NotificationKind.OVERDUE,
      key: `OVERDUE:${assignmentId}:2027-03-31`,
      organizationIds,
      assignmentId,
      facts: {
        taskText: 'Tăng cường công tác dân vận của cơ quan nhà nước các cấp.',
        organizationName: 'Hội Liên hiệp Phụ nữ tỉnh',
        documentNumber: '410-BC/TU',
        dueDate: '2027-03-31',
        daysOverdue: 3,
      },
      ...extra,
    };
  };

  const recipients = (notifications: Notification[]) =>
    notifications.map((notification) => notification.recipientUserId).sort();

  async function stored(key: string): Promise<{ recipient_user_id: string }[]> {
    return dataSource.query('SELECT recipient_user_id FROM notifications WHERE key = $1 ORDER BY 1', [key]);
  }

  it('notifies every active user of the bodies, and nobody else', async () => {
    const people = await given();
    const request = overdue([people.ours]);
    const created = await service.notify([request]);
    expect(recipients(created)).toEqual([people.officer, people.colleague, people.supervisor].sort());
    expect(created[0]).toMatchObject({
      kind: NotificationKind.OVERDUE,
      key: request.key,
      assignmentId: request.assignmentId,
      link: `https://dondoc.example.vn/admin/#/assignments/${request.assignmentId}/show`,
      readAt: null,
      emailedAt: null,
      emailAttempts: 0,
      emailNextAttemptAt: null,
      emailFailedAt: null,
      createdAt: new Date('2027-04-03T01:00:00.000Z'),
    });
    expect(created[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('narrows a body to the roles asked for, and reaches users named directly', async () => {
    const people = await given();
    const created = await service.notify([
      overdue([people.ours], { roles: ['SUPERVISOR', 'VIEWER'], userIds: [people.stranger, people.former] }),
    ]);
    expect(recipients(created)).toEqual([people.colleague, people.supervisor, people.stranger].sort());
  });

  it('notifies once when the same request comes twice, and returns only what it created', async () => {
    const people = await given();
    const request = overdue([people.ours]);
    expect(await service.notify([request])).toHaveLength(3);
    expect(await service.notify([request])).toEqual([]);
    // Twice in one batch, or reaching a person by body and directly: still once each.
    expect(
      await service.notify([request, { ...request, organizationIds: [], userIds: [people.officer] }]),
    ).toEqual([]);
    expect(await stored(request.key)).toHaveLength(3);
  });

  it('notifies a person once per key even when they are reached twice in one new batch', async () => {
    const people = await given();
    const request = overdue([people.ours]);
    const created = await service.notify([
      request,
      { ...request, organizationIds: [], userIds: [people.officer, people.stranger] },
    ]);
    expect(recipients(created)).toEqual(
      [people.officer, people.colleague, people.supervisor, people.stranger].sort(),
    );
  });

  it('creates each notification once when two workers notify the same key at the same time', async () => {
    const people = await given();
    const request = overdue([people.ours, people.theirs]);
    // Each in its own transaction that stays open a moment after inserting: the second
    // waits on the unique index, then skips what the first committed.
    const worker = () =>
      dataSource.transaction(async (manager) => {
        const created = await service.notify([request], manager);
        await manager.query('SELECT pg_sleep(0.2)');
        return created;
      });
    const [first, second] = await Promise.all([worker(), worker()]);
    expect(first.length + second.length).toBe(4);
    expect(recipients([...first, ...second])).toEqual(
      [people.officer, people.colleague, people.supervisor, people.stranger].sort(),
    );
    expect(await stored(request.key)).toHaveLength(4);
  });

  it("writes in the caller's transaction: a rollback leaves nothing", async () => {
    const people = await given();
    const request = overdue([people.ours]);
    await expect(
      dataSource.transaction(async (manager) => {
        expect(await service.notify([request], manager)).toHaveLength(3);
        throw new Error('the domain change failed');
      }),
    ).rejects.toThrow('the domain change failed');
    expect(await stored(request.key)).toEqual([]);
  });

  it("renders each recipient's message in their own language", async () => {
    const people = await given();
    const created = await service.notify([overdue([people.ours])]);
    const of = (userId: string) => created.find((notification) => notification.recipientUserId === userId)!;
    expect(of(people.officer).subject).toBe(
      'Nhiệm vụ quá hạn: Tăng cường công tác dân vận của cơ quan nhà nước các cấp.',
    );
    expect(of(people.officer).message).toContain('đã quá hạn 3 ngày (hạn ngày 31/03/2027)');
    expect(of(people.colleague).subject).toBe(
      'Task overdue: Tăng cường công tác dân vận của cơ quan nhà nước các cấp.',
    );
    expect(of(people.colleague).message).toContain('is overdue by 3 days (due 31/03/2027)');
  });

  it('has no link when it is not about an assignment', async () => {
    const people = await given();
    const [created] = await service.notify([
      {
        ...overdue([]),
        key: `INSPECTION_FOLLOW_UP:${randomUUID()}`,
        kind: NotificationKind.INSPECTION_FOLLOW_UP,
        assignmentId: null,
        userIds: [people.officer],
      },
    ]);
    expect(created).toMatchObject({ assignmentId: null, link: null });
    expect(created.message).not.toContain('http');
  });

  it('refuses a malformed request before writing anything', async () => {
    const people = await given();
    await expect(service.notify([overdue([people.ours]), overdue(['kt.pn'])])).rejects.toThrow(
      'Notification request #2: "kt.pn" is not a uuid',
    );
    await expect(service.notify([{ ...overdue([people.ours]), key: ' ' }])).rejects.toThrow(
      'key must not be empty',
    );
    await expect(
      service.notify([{ ...overdue([people.ours]), kind: 'BIRTHDAY' as NotificationKind }]),
    ).rejects.toThrow('unknown kind "BIRTHDAY"');
  });

  it('lists and counts only the recipient’s own, newest first, filtered', async () => {
    const people = await given();
    const older = await service.notify([overdue([people.ours])]);
    clock.advanceDays(1);
    const newer = await service.notify([
      { ...overdue([people.ours]), kind: NotificationKind.DUE_SOON, key: `DUE_SOON:${randomUUID()}` },
    ]);
    await service.notify([overdue([people.theirs])]);
    const mine = (list: Notification[]) => list.filter((n) => n.recipientUserId === people.officer);
    const [myOlder] = mine(older);
    const [myNewer] = mine(newer);

    const listed = await service.list(people.officer, {}, {});
    expect(listed.map((n) => n.id)).toEqual([myNewer.id, myOlder.id]);
    expect(listed.every((n) => n.recipientUserId === people.officer)).toBe(true);
    expect(await service.count(people.officer, {})).toBe(2);
    expect(await service.count(people.stranger, {})).toBe(1);

    expect(
      (await service.list(people.officer, { kind: NotificationKind.OVERDUE }, {})).map((n) => n.id),
    ).toEqual([myOlder.id]);
    expect(
      (await service.list(people.officer, {}, { sortField: 'createdAt', sortOrder: 'ASC' })).map((n) => n.id),
    ).toEqual([myOlder.id, myNewer.id]);
    // Someone else's id in the filter finds nothing.
    const [theirs] = await service.list(people.stranger, {}, {});
    expect(await service.list(people.officer, { ids: [theirs.id, 'not-a-uuid'] }, {})).toEqual([]);
    expect(await service.count(people.officer, { ids: [myNewer.id, theirs.id] })).toBe(1);
  });

  it("gets one's own notification, and another person's is not found", async () => {
    const people = await given();
    const created = await service.notify([overdue([people.ours, people.theirs])]);
    const mine = created.find((n) => n.recipientUserId === people.officer)!;
    const theirs = created.find((n) => n.recipientUserId === people.stranger)!;
    expect((await service.get(people.officer, mine.id)).message).toBe(mine.message);
    await expect(service.get(people.officer, theirs.id)).rejects.toMatchObject({
      code: DomainErrorCode.NOT_FOUND,
    });
    await expect(service.get(people.officer, 'nope')).rejects.toMatchObject({
      code: DomainErrorCode.NOT_FOUND,
    });
  });

  it('marks read only the caller’s own unread ones, and counts them', async () => {
    const people = await given();
    const first = await service.notify([overdue([people.ours, people.theirs])]);
    const second = await service.notify([overdue([people.ours])]);
    const mine = [...first, ...second].filter((n) => n.recipientUserId === people.officer).map((n) => n.id);
    const theirs = first.find((n) => n.recipientUserId === people.stranger)!.id;

    expect(await service.markRead(people.officer, [mine[0], theirs, 'junk'])).toBe(1);
    expect(await service.markRead(people.officer, [mine[0], mine[1]])).toBe(1);
    expect(await service.markRead(people.officer, mine)).toBe(0);
    expect(await service.count(people.officer, { unread: true })).toBe(0);
    expect(await service.count(people.officer, { unread: false })).toBe(2);
    expect((await service.get(people.officer, mine[0])).readAt).toEqual(clock.now());
    // The stranger's stays unread.
    expect(await service.count(people.stranger, { unread: true })).toBe(1);
    expect(await service.markRead(people.officer, [])).toBe(0);
  });

  it('refuses a sort field that is not on the list, naming those that are', async () => {
    const people = await given();
    await expect(service.list(people.officer, {}, { sortField: 'message' })).rejects.toMatchObject({
      code: DomainErrorCode.BAD_USER_INPUT,
      message: 'Cannot sort by "message": sortable fields are createdAt, kind, readAt',
    });
    await expect(
      service.list(people.officer, { kind: 'BIRTHDAY' as NotificationKind }, {}),
    ).rejects.toMatchObject({
      code: DomainErrorCode.BAD_USER_INPUT,
    });
  });
});
