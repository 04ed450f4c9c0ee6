import { randomUUID } from 'node:crypto';

import { TEST_AUDIT_KEY, type TestDatabase, createTestDatabase } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import { SystemClock, buildDataSourceOptions } from '@dondoc/platform';

import { AuditEvent } from './audit-event.entity.js';
import { AuditKey } from './audit-key.js';
import { AuditTrail } from './audit-trail.js';
import { verifyAuditChain } from './audit-verify.js';

/**
 * What the database itself guarantees, and what `verifyAuditChain` finds when someone who
 * owns the table goes around it. Each test gets a database of its own: tampering breaks
 * the chain for good.
 */
describe('the audit trail in the database', () => {
  const key = new AuditKey(TEST_AUDIT_KEY);
  const trail = new AuditTrail(new SystemClock(), key);
  const intact = (checked: number) => ({ checked, plain: 0, anchorsMatched: 0, firstBroken: null });
  const opened: { database: TestDatabase; dataSource: DataSource }[] = [];

  afterAll(async () => {
    for (const { database, dataSource } of opened) {
      await dataSource.destroy();
      await database.drop();
    }
  });

  /** A fresh database holding `count` chained events; returns their ids, oldest first. */
  async function trailOf(count: number): Promise<{ dataSource: DataSource; ids: string[] }> {
    const database = await createTestDatabase();
    const dataSource = new DataSource({
      ...buildDataSourceOptions({ url: database.url, entities: [AuditEvent] }),
      // The refusals below are the point of these tests, not errors worth logging.
      logging: false,
    });
    await dataSource.initialize();
    opened.push({ database, dataSource });
    const events = await dataSource.transaction((manager) =>
      trail.recordMany(
        manager,
        Array.from({ length: count }, (_, index) => ({
          actorId: randomUUID(),
          actorOrganizationId: randomUUID(),
          action: 'assignment.report_submitted',
          entityType: 'assignment',
          entityId: `assignment-${index}`,
          after: { percentComplete: index },
          subjectOrganizationIds: [],
        })),
      ),
    );
    return { dataSource, ids: events.map((event) => event.id) };
  }

  it('refuses UPDATE, naming the event', async () => {
    const { dataSource, ids } = await trailOf(3);
    await expect(
      dataSource.query(`UPDATE audit_events SET after = '{"percentComplete": 100}' WHERE id = $1`, [ids[1]]),
    ).rejects.toThrow(`audit_events is append-only: UPDATE of event #${ids[1]} refused`);
  });

  it('refuses DELETE', async () => {
    const { dataSource, ids } = await trailOf(3);
    await expect(dataSource.query('DELETE FROM audit_events WHERE id = $1', [ids[0]])).rejects.toThrow(
      'audit_events is append-only',
    );
    const [{ count }] = await dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM audit_events',
    );
    expect(count).toBe(3);
  });

  it('refuses TRUNCATE', async () => {
    const { dataSource } = await trailOf(3);
    await expect(dataSource.query('TRUNCATE audit_events')).rejects.toThrow(
      'audit_events is append-only: TRUNCATE refused',
    );
  });

  it('verifies an untouched trail, across batch boundaries', async () => {
    const { dataSource } = await trailOf(50);
    expect(await verifyAuditChain(dataSource, { key, batchSize: 7 })).toEqual(intact(50));
    expect(await verifyAuditChain(dataSource.manager, { key, batchSize: 50 })).toEqual(intact(50));
  });

  it('finds nothing wrong with an empty trail', async () => {
    const { dataSource } = await trailOf(0);
    expect(await verifyAuditChain(dataSource, { key })).toEqual(intact(0));
  });

  it('names exactly the event whose content a table owner changed behind the trigger', async () => {
    const { dataSource, ids } = await trailOf(20);
    await dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
      await manager.query(`UPDATE audit_events SET after = '{"percentComplete": 100}' WHERE id = $1`, [
        ids[12],
      ]);
      await manager.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    });
    expect(await verifyAuditChain(dataSource, { key, batchSize: 5 })).toMatchObject({
      checked: 13,
      firstBroken: {
        id: ids[12],
        reason: expect.stringMatching(/^hash mismatch: the content of this event/),
      },
    });
  });

  it('names the event after one a table owner deleted, as a broken link', async () => {
    const { dataSource, ids } = await trailOf(20);
    await dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
      await manager.query('DELETE FROM audit_events WHERE id = $1', [ids[7]]);
      await manager.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    });
    expect(await verifyAuditChain(dataSource, { key, batchSize: 5 })).toMatchObject({
      checked: 8,
      firstBroken: { id: ids[8], reason: expect.stringMatching(/^link mismatch: .*removed or reordered/) },
    });
  });

  it('notices when the first event was deleted', async () => {
    const { dataSource, ids } = await trailOf(5);
    await dataSource.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
      await manager.query('DELETE FROM audit_events WHERE id = $1', [ids[0]]);
      await manager.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    });
    expect(await verifyAuditChain(dataSource, { key })).toMatchObject({
      checked: 1,
      firstBroken: { id: ids[1], reason: expect.stringMatching(/^link mismatch: the first event/) },
    });
  });

  it('keeps appending after a verify, and the database still refuses changes', async () => {
    const { dataSource } = await trailOf(2);
    const event = await dataSource.transaction((manager) =>
      trail.record(manager, {
        actorId: null,
        actorOrganizationId: null,
        action: 'assignment.overdue',
        entityType: 'assignment',
        entityId: 'assignment-0',
        subjectOrganizationIds: [],
      }),
    );
    await expect(dataSource.query('DELETE FROM audit_events WHERE id = $1', [event.id])).rejects.toThrow(
      'audit_events is append-only',
    );
    expect(await verifyAuditChain(dataSource, { key })).toEqual(intact(3));
  });
});
