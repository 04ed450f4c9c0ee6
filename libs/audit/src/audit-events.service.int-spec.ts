import { randomUUID } from 'node:crypto';

import { type TestDatabase, createTestDatabase } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import { FixedClock, buildDataSourceOptions } from '@dondoc/platform';

import { AuditEvent } from './audit-event.entity.js';
import { AuditEventsService } from './audit-events.service.js';
import { type AuditEntry, AuditTrail } from './audit-trail.js';
import { AuditException, AuditExceptionCode } from './audit.exception.js';

describe('AuditEventsService', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let service: AuditEventsService;
  const trail = new AuditTrail(new FixedClock('2026-05-01T00:00:00.000Z'));

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(buildDataSourceOptions({ url: database.url, entities: [AuditEvent] }));
    await dataSource.initialize();
    service = new AuditEventsService(dataSource.getRepository(AuditEvent));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /**
   * Two organizations with their officers, one assignment each side and a system sweep.
   * Fresh ids every time, so each test sees only its own events through scope or filter.
   */
  async function given() {
    const ours = randomUUID();
    const theirs = randomUUID();
    const officer = randomUUID();
    const colleague = randomUUID();
    const stranger = randomUUID();
    const assignment = randomUUID();
    const event = (
      actorId: string | null,
      actorOrganizationId: string | null,
      action: string,
      minute: number,
      entityId = assignment,
    ): AuditEntry => ({
      actorId,
      actorOrganizationId,
      action,
      entityType: 'assignment',
      entityId,
      occurredAt: new Date(Date.UTC(2026, 4, 1, 8, minute)),
    });
    const events = await dataSource.transaction((manager) =>
      trail.recordMany(manager, [
        event(officer, ours, 'assignment.report_submitted', 5),
        event(colleague, ours, 'assignment.extension_requested', 1),
        event(officer, ours, 'assignment.report_submitted', 3, randomUUID()),
        event(stranger, theirs, 'assignment.report_submitted', 4),
        event(null, null, 'assignment.overdue', 2),
      ]),
    );
    const ids = events.map((recorded) => recorded.id);
    return { ours, theirs, officer, stranger, assignment, ids };
  }

  const ids = (events: AuditEvent[]) => events.map((event) => event.id);

  it("shows an organization only its own people's events", async () => {
    const { ours, assignment, ids: recorded } = await given();
    const query = {
      filter: { entityType: 'assignment', entityId: assignment },
      scope: { organizationIds: [ours] },
    };
    expect(ids(await service.list(query))).toEqual([recorded[1], recorded[0]]);
    expect(await service.count(query)).toBe(2);
  });

  it('shows everything, system events included, to a scope of all', async () => {
    const { assignment, ids: recorded } = await given();
    const query = { filter: { entityId: assignment }, scope: { organizationIds: 'all' as const } };
    expect(ids(await service.list(query))).toEqual([recorded[4], recorded[3], recorded[1], recorded[0]]);
    expect(await service.count(query)).toBe(4);
  });

  it('shows nothing to an empty scope', async () => {
    const { assignment } = await given();
    const query = { filter: { entityId: assignment }, scope: { organizationIds: [] } };
    expect(await service.list(query)).toEqual([]);
    expect(await service.count(query)).toBe(0);
  });

  it("lists one person's actions, across records, within the scope", async () => {
    const { ours, theirs, officer, stranger, ids: recorded } = await given();
    const mine = { filter: { actorId: officer }, scope: { organizationIds: [ours, theirs] } };
    expect(ids(await service.list(mine))).toEqual([recorded[2], recorded[0]]);
    expect(await service.count(mine)).toBe(2);
    // Another body's officer is simply not found from our scope.
    const strangers = { filter: { actorId: stranger }, scope: { organizationIds: [ours] } };
    expect(await service.count(strangers)).toBe(0);
  });

  it('sorts by a whitelisted field, breaking ties by id, and pages from 0', async () => {
    const { ours, theirs, ids: recorded } = await given();
    const base = { scope: { organizationIds: [ours, theirs] }, sortField: 'occurredAt', sortOrder: 'asc' };
    const pages = [
      await service.list({ ...base, page: 0, perPage: 2 }),
      await service.list({ ...base, page: 1, perPage: 2 }),
      await service.list({ ...base, page: 2, perPage: 2 }),
    ];
    // Minutes 1, 3, 4, 5 (the system event at minute 2 is outside this scope).
    expect(pages.map(ids)).toEqual([[recorded[1], recorded[2]], [recorded[3], recorded[0]], []]);
    const byAction = await service.list({ ...base, sortField: 'action', sortOrder: 'DESC' });
    expect(byAction.map((event) => event.action)).toEqual([
      'assignment.report_submitted',
      'assignment.report_submitted',
      'assignment.report_submitted',
      'assignment.extension_requested',
    ]);
    expect(ids(byAction).slice(0, 3)).toEqual([recorded[3], recorded[2], recorded[0]]);
  });

  it('refuses to sort by a field that is not on the list, saying which are', async () => {
    const attempt = service.list({ scope: { organizationIds: 'all' }, sortField: 'before' });
    await expect(attempt).rejects.toThrow(AuditException);
    await expect(attempt).rejects.toMatchObject({
      code: AuditExceptionCode.INVALID_SORT_FIELD,
      message: 'Audit events cannot be sorted by "before": use one of id, occurredAt, action, entityType',
    });
  });

  it('refuses a bad sort order, page or actor id with a clear error', async () => {
    const scope = { organizationIds: 'all' as const };
    await expect(service.list({ scope, sortOrder: 'sideways' })).rejects.toMatchObject({
      code: AuditExceptionCode.INVALID_SORT_ORDER,
    });
    await expect(service.list({ scope, page: -1 })).rejects.toMatchObject({
      code: AuditExceptionCode.INVALID_PAGE,
    });
    await expect(service.list({ scope, perPage: 10_000 })).rejects.toMatchObject({
      code: AuditExceptionCode.INVALID_PAGE,
    });
    await expect(service.count({ scope, filter: { actorId: 'admin' } })).rejects.toMatchObject({
      code: AuditExceptionCode.INVALID_FILTER,
    });
  });

  it('reads events back whole: bigint id as a string, time, before and after', async () => {
    const { assignment, ids: recorded } = await given();
    const [newest] = await service.list({
      filter: { entityId: assignment },
      scope: { organizationIds: 'all' },
      perPage: 1,
    });
    expect(newest).toMatchObject({
      id: recorded[4],
      actorId: null,
      action: 'assignment.overdue',
      before: null,
      after: null,
      requestId: null,
    });
    expect(newest.occurredAt).toEqual(new Date('2026-05-01T08:02:00.000Z'));
  });
});
