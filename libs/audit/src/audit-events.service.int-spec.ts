import { randomUUID } from 'node:crypto';

import { TEST_AUDIT_KEY, type TestDatabase, createTestDatabase } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import { FixedClock, buildDataSourceOptions } from '@dondoc/platform';

import { AuditEvent } from './audit-event.entity.js';
import { AUDIT_SCOPE_ALL, AuditEventsService, type AuditScope } from './audit-events.service.js';
import { AuditKey } from './audit-key.js';
import { type AuditEntry, AuditTrail } from './audit-trail.js';
import { AuditException, AuditExceptionCode } from './audit.exception.js';

describe('AuditEventsService', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let service: AuditEventsService;
  const trail = new AuditTrail(new FixedClock('2026-05-01T00:00:00.000Z'), new AuditKey(TEST_AUDIT_KEY));
  /** A caller's scope as it reads events without a subject: by their actor's body. */
  const byActorBody = (actorOrganizationIds: string[]): AuditScope => ({
    kind: 'subjects',
    subjectPaths: [],
    actorId: null,
    actorOrganizationIds,
  });

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
      // No subject: the rule for events recorded before subjects were kept.
      subjectOrganizationIds: [],
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

  it("shows an organization only its own people's events among those without a subject", async () => {
    const { ours, assignment, ids: recorded } = await given();
    const query = {
      filter: { entityType: 'assignment', entityId: assignment },
      scope: byActorBody([ours]),
    };
    expect(ids(await service.list(query))).toEqual([recorded[1], recorded[0]]);
    expect(await service.count(query)).toBe(2);
  });

  it('shows everything, system events included, to a scope of all', async () => {
    const { assignment, ids: recorded } = await given();
    const query = { filter: { entityId: assignment }, scope: AUDIT_SCOPE_ALL };
    expect(ids(await service.list(query))).toEqual([recorded[4], recorded[3], recorded[1], recorded[0]]);
    expect(await service.count(query)).toBe(4);
  });

  it('shows nothing to an empty scope', async () => {
    const { assignment } = await given();
    const query = { filter: { entityId: assignment }, scope: byActorBody([]) };
    expect(await service.list(query)).toEqual([]);
    expect(await service.count(query)).toBe(0);
  });

  it("lists one person's actions, across records, within the scope", async () => {
    const { ours, theirs, officer, stranger, ids: recorded } = await given();
    const mine = { filter: { actorId: officer }, scope: byActorBody([ours, theirs]) };
    expect(ids(await service.list(mine))).toEqual([recorded[2], recorded[0]]);
    expect(await service.count(mine)).toBe(2);
    // Another body's officer is simply not found from our scope.
    const strangers = { filter: { actorId: stranger }, scope: byActorBody([ours]) };
    expect(await service.count(strangers)).toBe(0);
  });

  it('sorts by a whitelisted field, breaking ties by id, and pages from 0', async () => {
    const { ours, theirs, ids: recorded } = await given();
    const base = { scope: byActorBody([ours, theirs]), sortField: 'occurredAt', sortOrder: 'asc' };
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
    const attempt = service.list({ scope: AUDIT_SCOPE_ALL, sortField: 'before' });
    await expect(attempt).rejects.toThrow(AuditException);
    await expect(attempt).rejects.toMatchObject({
      code: AuditExceptionCode.INVALID_SORT_FIELD,
      message: 'Audit events cannot be sorted by "before": use one of id, occurredAt, action, entityType',
    });
  });

  it('refuses a bad sort order, page or actor id with a clear error', async () => {
    const scope = AUDIT_SCOPE_ALL;
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

  describe('read by subject', () => {
    /** An organization row, straight in SQL: the audit library knows no organizations service. */
    async function organization(parent: { path: string } | null): Promise<{ id: string; path: string }> {
      const id = randomUUID();
      const path = `${parent ? `${parent.path}.` : ''}o${id.replace(/-/g, '')}`;
      await dataSource.query(
        `INSERT INTO organizations (id, name, kind, level, path) VALUES ($1, 'Cơ quan', 'OFFICE', 'PROVINCE', $2::ltree)`,
        [id, path],
      );
      return { id, path };
    }

    /**
     * Kon Tum (A) owns a document; Gia Lai's union (B) holds an assignment on it. A third
     * province (C) has nothing to do with it.
     */
    async function givenProvinces() {
      const a = await organization(null);
      const aOffice = await organization(a);
      const b = await organization(null);
      const bUnion = await organization(b);
      const c = await organization(null);
      const [gialaiOfficer, konTumOfficer, admin] = [randomUUID(), randomUUID(), randomUUID()];
      const document = randomUUID();
      const entry = (
        actorId: string | null,
        actorOrganizationId: string | null,
        action: string,
        subjectOrganizationIds: string[],
      ): AuditEntry => ({
        actorId,
        actorOrganizationId,
        action,
        entityType: 'document',
        entityId: document,
        subjectOrganizationIds,
      });
      const events = await dataSource.transaction((manager) =>
        trail.recordMany(manager, [
          // 0: Gia Lai's union reports on the work Kon Tum gave it.
          entry(gialaiOfficer, bUnion.id, 'report.submitted', [bUnion.id, aOffice.id]),
          // 1: an administrator (of no province) changes Kon Tum's document.
          entry(admin, null, 'document.updated', [aOffice.id]),
          // 2: the sweep marks the Gia Lai assignment overdue.
          entry(null, null, 'assignment.overdue', [bUnion.id, aOffice.id]),
          // 3: a Kon Tum officer's action on a record of the third province.
          entry(konTumOfficer, aOffice.id, 'document.updated', [c.id]),
          // 4: an event recorded before subjects, by a Kon Tum officer.
          entry(konTumOfficer, aOffice.id, 'document.imported', []),
        ]),
      );
      const scopeOf = (
        root: { path: string },
        actorId: string | null = null,
        ids: string[] = [],
      ): AuditScope => ({
        kind: 'subjects',
        subjectPaths: [root.path],
        actorId,
        actorOrganizationIds: ids,
      });
      return { a, aOffice, b, c, konTumOfficer, document, ids: events.map((event) => event.id), scopeOf };
    }

    it("shows the owner's province what others did to its document, whoever acted", async () => {
      const { a, aOffice, document, ids: recorded, scopeOf } = await givenProvinces();
      const query = { filter: { entityId: document }, scope: scopeOf(a, null, [a.id, aOffice.id]) };
      expect(ids(await service.list({ ...query, sortOrder: 'ASC' }))).toEqual([
        recorded[0],
        recorded[1],
        recorded[2],
        recorded[4],
      ]);
      expect(await service.count(query)).toBe(4);
    });

    it('shows the assignee its own work, and not the rest of the owner’s document', async () => {
      const { b, document, ids: recorded, scopeOf } = await givenProvinces();
      const scope = scopeOf(b);
      expect(ids(await service.list({ filter: { entityId: document }, scope, sortOrder: 'ASC' }))).toEqual([
        recorded[0],
        recorded[2],
      ]);
    });

    it('shows an unrelated province nothing of it', async () => {
      const { c, document, ids: recorded, scopeOf } = await givenProvinces();
      // Only the event about its own record, though a Kon Tum officer did it.
      expect(ids(await service.list({ filter: { entityId: document }, scope: scopeOf(c) }))).toEqual([
        recorded[3],
      ]);
    });

    it('shows a caller their own actions wherever the record is', async () => {
      const { b, konTumOfficer, document, ids: recorded, scopeOf } = await givenProvinces();
      // A Kon Tum officer moved to Gia Lai still reads what they did in Kon Tum.
      const scope = scopeOf(b, konTumOfficer);
      expect(ids(await service.list({ filter: { entityId: document }, scope, sortOrder: 'ASC' }))).toEqual([
        recorded[0],
        recorded[2],
        recorded[3],
        recorded[4],
      ]);
    });

    it('refuses a scope that is not made of ltree paths', async () => {
      const scope: AuditScope = {
        kind: 'subjects',
        subjectPaths: ["a' OR 1=1"],
        actorId: null,
        actorOrganizationIds: [],
      };
      await expect(service.list({ scope })).rejects.toThrow(/ltree paths/);
    });
  });

  it('reads events back whole: bigint id as a string, time, before and after', async () => {
    const { assignment, ids: recorded } = await given();
    const [newest] = await service.list({
      filter: { entityId: assignment },
      scope: AUDIT_SCOPE_ALL,
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
