import { randomUUID } from 'node:crypto';

import { TEST_AUDIT_KEY, type TestDatabase, createTestDatabase } from '@dondoc/test-support';
import { DataSource, type EntityManager } from 'typeorm';

import { FixedClock, SystemClock, buildDataSourceOptions } from '@dondoc/platform';

import { AuditEvent } from './audit-event.entity.js';
import { AuditChainVersion, GENESIS_HASH } from './audit-hash.js';
import { AuditKey } from './audit-key.js';
import { type AuditEntry, AuditTrail } from './audit-trail.js';
import { verifyAuditChain } from './audit-verify.js';
import { AuditException, AuditExceptionCode } from './audit.exception.js';

describe('AuditTrail', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const key = new AuditKey(TEST_AUDIT_KEY);
  const trail = new AuditTrail(new SystemClock(), key);
  const verify = (options: { batchSize?: number } = {}) => verifyAuditChain(dataSource, { key, ...options });

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(
      buildDataSourceOptions({ url: database.url, entities: [AuditEvent], poolSize: 20 }),
    );
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
    return {
      actorId: randomUUID(),
      actorOrganizationId: randomUUID(),
      action: 'assignment.report_submitted',
      entityType: 'assignment',
      entityId: randomUUID(),
      before: { percentComplete: 40 },
      after: { percentComplete: 60 },
      requestId: randomUUID(),
      subjectOrganizationIds: [],
      ...overrides,
    };
  }

  async function storedEvents(ids: string[]): Promise<AuditEvent[]> {
    return dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('event')
      .where('event.id IN (:...ids)', { ids })
      .orderBy('event.id')
      .getMany();
  }

  it('links each event to the one before it, in the transaction of the change', async () => {
    const [first, second] = await dataSource.transaction(async (manager) => [
      await trail.record(manager, entry()),
      await trail.record(manager, entry()),
    ]);
    expect(second.previousHash).toBe(first.hash);
    expect(BigInt(second.id)).toBe(BigInt(first.id) + 1n);
    const stored = await storedEvents([first.id, second.id]);
    expect(stored.map((event) => [event.previousHash, event.hash])).toEqual([
      [first.previousHash, first.hash],
      [first.hash, second.hash],
    ]);
    expect(await verify()).toEqual({
      checked: expect.any(Number),
      plain: 0,
      anchorsMatched: 0,
      firstBroken: null,
    });
  });

  it('starts the chain with 64 zeros', async () => {
    await dataSource.transaction((manager) => trail.record(manager, entry()));
    const [oldest] = await dataSource.query<{ previous_hash: string }[]>(
      'SELECT previous_hash FROM audit_events ORDER BY id LIMIT 1',
    );
    expect(oldest.previous_hash).toBe(GENESIS_HASH);
  });

  it('stores exactly what it hashed: reordered keys, dates, numbers and upper-case uuids read back the same', async () => {
    const actorId = randomUUID().toUpperCase();
    const event = await dataSource.transaction((manager) =>
      trail.record(manager, {
        ...entry({ actorId }),
        occurredAt: new Date('2026-03-01T08:30:00.123Z'),
        before: { z: 1, a: { y: [3, { q: 0.1 + 0.2, p: 1e-7 }], x: 1e21 }, note: 'Tỉnh ủy Kon Tum' },
        after: { at: new Date('2026-03-02T00:00:00Z'), skipped: undefined, missing: null },
      }),
    );
    expect(event.actorId).toBe(actorId.toLowerCase());
    expect(event.after).toEqual({ at: '2026-03-02T00:00:00.000Z', missing: null });
    const [stored] = await storedEvents([event.id]);
    expect(stored.occurredAt.toISOString()).toBe('2026-03-01T08:30:00.123Z');
    expect(stored.before).toEqual(event.before);
    expect((await verify()).firstBroken).toBeNull();
  });

  it('defaults the time of an event to the injected clock', async () => {
    const clocked = new AuditTrail(new FixedClock('2027-06-30T17:00:00.000Z'), key);
    const event = await dataSource.transaction((manager) => clocked.record(manager, entry()));
    const [stored] = await storedEvents([event.id]);
    expect(stored.occurredAt.toISOString()).toBe('2027-06-30T17:00:00.000Z');
  });

  it('refuses to record outside a transaction', async () => {
    const before = await countEvents();
    const attempt = trail.record(dataSource.manager, entry());
    await expect(attempt).rejects.toThrow(AuditException);
    await expect(attempt).rejects.toMatchObject({
      code: AuditExceptionCode.NOT_IN_TRANSACTION,
      message: expect.stringMatching(/inside the transaction/),
    });
    expect(await countEvents()).toBe(before);
  });

  it('refuses a REPEATABLE READ transaction, whose snapshot would fork the chain', async () => {
    const attempt = dataSource.transaction('REPEATABLE READ', (manager) => trail.record(manager, entry()));
    await expect(attempt).rejects.toMatchObject({ code: AuditExceptionCode.UNSUPPORTED_ISOLATION });
  });

  it('refuses an entry that would not read back as written', async () => {
    const attempt = dataSource.transaction((manager) => trail.record(manager, entry({ actorId: 'nobody' })));
    await expect(attempt).rejects.toMatchObject({
      code: AuditExceptionCode.INVALID_ENTRY,
      message: expect.stringMatching(/actorId must be a uuid or null/),
    });
  });

  it('leaves no event when the change it records is rolled back', async () => {
    const before = await countEvents();
    const attempt = dataSource.transaction(async (manager) => {
      await trail.record(manager, entry());
      throw new Error('the change failed');
    });
    await expect(attempt).rejects.toThrow('the change failed');
    expect(await countEvents()).toBe(before);
    expect((await verify()).firstBroken).toBeNull();
  });

  it('keeps one linear chain with dense ids when 50 transactions record at once', async () => {
    const entityId = randomUUID();
    const events = await Promise.all(
      Array.from({ length: 50 }, () =>
        dataSource.transaction(async (manager: EntityManager) => {
          // Some work of the change itself, so the transactions really overlap.
          await manager.query('SELECT pg_sleep(random() * 0.02)');
          return trail.record(manager, entry({ entityId }));
        }),
      ),
    );
    const ids = events.map((event) => BigInt(event.id)).sort((a, b) => (a < b ? -1 : 1));
    const first = ids[0];
    expect(ids).toEqual(ids.map((_, index) => first + BigInt(index)));
    const report = await verify();
    expect(report.firstBroken).toBeNull();
    expect(report.checked).toBe(await countEvents());
  });

  it('takes the chain lock only at commit: a writer with an open transaction does not hold up another', async () => {
    const entityId = randomUUID();
    let second: Promise<AuditEvent> | undefined;
    const first = await dataSource.transaction(async (manager) => {
      const event = await trail.record(manager, entry({ entityId }));
      // While this transaction is still open, another records and commits: it must not wait.
      second = dataSource.transaction((other) => trail.record(other, entry({ entityId })));
      const waited = await Promise.race([
        second.then(() => 'committed'),
        new Promise((resolve) => setTimeout(() => resolve('blocked'), 5_000)),
      ]);
      expect(waited).toBe('committed');
      expect(event.hash).toBeUndefined(); // linked at commit, not before
      return event;
    });
    const later = await second!;
    expect(BigInt(first.id)).toBe(BigInt(later.id) + 1n);
    expect(first.previousHash).toBe(later.hash);
    expect((await verify()).firstBroken).toBeNull();
  });

  it('appends 5,000 events with recordMany in one transaction, in the order given', async () => {
    const entityId = randomUUID();
    const entries = Array.from({ length: 5_000 }, (_, index) =>
      entry({ entityId, action: 'assignment.created', after: { organization: index } }),
    );
    const events = await dataSource.transaction((manager) => trail.recordMany(manager, entries));
    expect(events).toHaveLength(5_000);
    const stored = await dataSource.query<{ organization: number }[]>(
      `SELECT (after->>'organization')::int AS organization FROM audit_events WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    );
    expect(stored.map((row) => row.organization)).toEqual(entries.map((_, index) => index));
    const report = await verify({ batchSize: 1_000 });
    expect(report).toEqual({ checked: await countEvents(), plain: 0, anchorsMatched: 0, firstBroken: null });
  });

  it('keeps the paths of the bodies the record belongs to, sorted and once each, keyed into the hash', async () => {
    const province = await organization('aa11', null);
    const union = await organization('bb22', province);
    const event = await dataSource.transaction((manager) =>
      trail.record(
        manager,
        entry({ subjectOrganizationIds: [union.id, province.id.toUpperCase(), null, union.id] }),
      ),
    );
    expect(event.subjectPaths).toEqual([province.path, union.path].sort());
    expect(event.chainVersion).toBe(AuditChainVersion.KEYED);
    const [stored] = await storedEvents([event.id]);
    expect(stored.subjectPaths).toEqual(event.subjectPaths);
    expect(stored.chainVersion).toBe(2);
    expect((await verify()).firstBroken).toBeNull();
  });

  it('stores no subject for an event about no body', async () => {
    const event = await dataSource.transaction((manager) => trail.record(manager, entry()));
    const [stored] = await storedEvents([event.id]);
    expect(stored.subjectPaths).toBeNull();
  });

  it('refuses a subject body that does not exist, and one that is not an id', async () => {
    const before = await countEvents();
    const missing = randomUUID();
    await expect(
      dataSource.transaction((manager) =>
        trail.record(manager, entry({ subjectOrganizationIds: [missing] })),
      ),
    ).rejects.toMatchObject({
      code: AuditExceptionCode.INVALID_ENTRY,
      message: `Audit event #1: subject organization ${missing} does not exist`,
    });
    await expect(
      dataSource.transaction((manager) =>
        trail.record(manager, entry({ subjectOrganizationIds: ['kt.tu'] })),
      ),
    ).rejects.toMatchObject({ code: AuditExceptionCode.INVALID_ENTRY });
    expect(await countEvents()).toBe(before);
  });

  /** An organization row, straight in SQL: the audit library knows no organizations service. */
  async function organization(
    label: string,
    parent: { path: string } | null,
  ): Promise<{ id: string; path: string }> {
    const id = randomUUID();
    const path = `${parent ? `${parent.path}.` : ''}${label}${id.slice(0, 8).replace(/-/g, '')}`;
    await dataSource.query(
      `INSERT INTO organizations (id, name, kind, level, path) VALUES ($1, $2, 'OFFICE', 'PROVINCE', $3::ltree)`,
      [id, `Cơ quan ${label}`, path],
    );
    return { id, path };
  }

  async function countEvents(): Promise<number> {
    const [{ count }] = await dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM audit_events',
    );
    return count;
  }
});
