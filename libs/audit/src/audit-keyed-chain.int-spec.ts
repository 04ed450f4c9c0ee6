import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  TEST_AUDIT_KEY,
  type TestDatabase,
  createTestDatabase,
  deleteAuditTail,
  rewriteAuditEvent,
} from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import { SystemClock, buildDataSourceOptions } from '@dondoc/platform';

import { anchorAuditChain, appendAuditAnchor, readAuditAnchors, verifyAuditTrail } from './audit-anchor.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditChainVersion, GENESIS_HASH, plainAuditHash } from './audit-hash.js';
import { AuditKey } from './audit-key.js';
import { AuditTrail } from './audit-trail.js';

/**
 * What a database owner can no longer do unseen (issue 14): the chain is keyed with AUDIT_KEY,
 * versioned, and anchored outside the database. Each test tampers with a database of its own.
 */
describe('the keyed, anchored audit chain', () => {
  const key = new AuditKey(TEST_AUDIT_KEY);
  const trail = new AuditTrail(new SystemClock(), key);
  const opened: { database: TestDatabase; dataSource: DataSource }[] = [];

  afterAll(async () => {
    for (const { database, dataSource } of opened) {
      await dataSource.destroy();
      await database.drop();
    }
  });

  async function trailOf(
    count: number,
  ): Promise<{ database: TestDatabase; dataSource: DataSource; ids: string[] }> {
    const database = await createTestDatabase();
    const dataSource = new DataSource({
      ...buildDataSourceOptions({ url: database.url, entities: [AuditEvent] }),
      logging: false,
    });
    await dataSource.initialize();
    opened.push({ database, dataSource });
    const ids = await append(dataSource, count);
    return { database, dataSource, ids };
  }

  async function append(dataSource: DataSource, count: number): Promise<string[]> {
    const events = await dataSource.transaction((manager) =>
      trail.recordMany(
        manager,
        Array.from({ length: count }, (_, index) => ({
          actorId: null,
          actorOrganizationId: null,
          action: 'assignment.report_submitted',
          entityType: 'assignment',
          entityId: `assignment-${index}`,
          after: { percentComplete: index },
          subjectOrganizationIds: [],
        })),
      ),
    );
    return events.map((event) => event.id);
  }

  const anchorFile = () => join(mkdtempSync(join(tmpdir(), 'dondoc-anchors-')), 'audit-anchors.jsonl');

  it('names the event an owner rewrote and rehashed with plain SHA-256, the old attack', async () => {
    const { database, dataSource, ids } = await trailOf(12);
    await rewriteAuditEvent(database.url, ids[6], { percentComplete: 100 }, { plain: true });
    expect((await verifyAuditTrail(dataSource, key, anchorFile())).firstBroken).toEqual({
      id: ids[6],
      reason:
        'hash mismatch: the content of this event was changed after it was recorded, ' +
        'or its hash was not computed with this AUDIT_KEY',
    });
  });

  it('names the event from which an owner claims the unkeyed version 1', async () => {
    const { database, dataSource, ids } = await trailOf(12);
    await rewriteAuditEvent(
      database.url,
      ids[6],
      { percentComplete: 100 },
      { plain: true, claimVersion1: true },
    );
    expect((await verifyAuditTrail(dataSource, key, anchorFile())).firstBroken).toEqual({
      id: ids[6],
      reason: expect.stringMatching(/^version mismatch: chain version 1 after version 2/),
    });
  });

  it('names the event an owner rehashed with a key of his own', async () => {
    const { database, dataSource, ids } = await trailOf(12);
    const forger = new AuditKey('a-key-that-is-not-the-deployment-one-000');
    await rewriteAuditEvent(database.url, ids[3], { percentComplete: 100 }, { key: forger });
    const report = await verifyAuditTrail(dataSource, key, anchorFile());
    expect(report.firstBroken).toEqual({ id: ids[3], reason: expect.stringMatching(/^hash mismatch/) });
    expect(report.checked).toBe(4);
  });

  it('checks the plain events recorded before the chain was keyed, and keyed ones after them', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource(buildDataSourceOptions({ url: database.url, entities: [AuditEvent] }));
    await dataSource.initialize();
    opened.push({ database, dataSource });
    // Two events as the trail wrote them before issue 14: plain SHA-256, no subject, version 1.
    let previousHash = GENESIS_HASH;
    for (const index of [0, 1]) {
      const content = {
        occurredAt: new Date(`2026-01-0${index + 1}T00:00:00.000Z`),
        actorId: null,
        actorOrganizationId: null,
        action: 'organization.seeded',
        entityType: 'organization',
        entityId: `old-${index}`,
        before: null,
        after: { index },
        requestId: null,
        subjectPaths: null,
        chainVersion: AuditChainVersion.PLAIN,
        previousHash,
      };
      const hash = plainAuditHash(content);
      await dataSource.query(
        `INSERT INTO audit_events (occurred_at, action, entity_type, entity_id, after, chain_version, previous_hash, hash)
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7)`,
        [
          content.occurredAt,
          content.action,
          content.entityType,
          content.entityId,
          { index },
          previousHash,
          hash,
        ],
      );
      previousHash = hash;
    }
    await append(dataSource, 3);
    expect(await verifyAuditTrail(dataSource, key, anchorFile())).toEqual({
      checked: 5,
      plain: 2,
      anchorsMatched: 0,
      firstBroken: null,
    });
  });

  it('anchors the head once, and an anchor catches the newest events removed', async () => {
    const { database, dataSource, ids } = await trailOf(10);
    const file = anchorFile();
    const first = await anchorAuditChain(dataSource, key, file, new Date('2026-12-07T18:30:00.000Z'));
    expect(first).toMatchObject({ written: true, anchor: { lastId: ids[9], count: 10 } });
    // Run again with nothing new (a job retried): no second line.
    expect((await anchorAuditChain(dataSource, key, file, new Date())).written).toBe(false);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual({
      lastId: ids[9],
      hash: first.anchor!.hash,
      count: 10,
      anchoredAt: '2026-12-07T18:30:00.000Z',
    });
    const later = await append(dataSource, 2);
    expect((await verifyAuditTrail(dataSource, key, file)).anchorsMatched).toBe(1);

    // The two unanchored events and the anchored head go: the chain alone still holds.
    await deleteAuditTail(database.url, 3);
    expect((await verifyAuditTrail(dataSource, key, anchorFile())).firstBroken).toBeNull();
    expect((await verifyAuditTrail(dataSource, key, file)).firstBroken).toEqual({
      id: ids[9],
      reason:
        `anchor mismatch: the trail ends at event #${ids[8]} (9 events), event #${ids[9]}, anchored at ` +
        '2026-12-07T18:30:00.000Z with 10 events up to it, is missing (events were removed)',
    });
    expect(later).toHaveLength(2);
  });

  it('catches, by its anchor, a chain rewritten whole as plain version 1', async () => {
    const { database, dataSource, ids } = await trailOf(6);
    const file = anchorFile();
    await anchorAuditChain(dataSource, key, file, new Date());
    await rewriteAuditEvent(
      database.url,
      ids[0],
      { percentComplete: 100 },
      { plain: true, claimVersion1: true },
    );
    // Every link is a valid plain link now: only the anchor knows better.
    expect((await verifyAuditTrail(dataSource, key, anchorFile())).firstBroken).toBeNull();
    expect((await verifyAuditTrail(dataSource, key, file)).firstBroken).toEqual({
      id: ids[5],
      reason: expect.stringMatching(/^anchor mismatch: its hash is not the one anchored at /),
    });
  });

  it('does not anchor a broken chain, and refuses an anchor file it cannot read', async () => {
    const { database, dataSource, ids } = await trailOf(4);
    await rewriteAuditEvent(database.url, ids[1], { percentComplete: 100 }, { plain: true });
    const file = anchorFile();
    const outcome = await anchorAuditChain(dataSource, key, file, new Date());
    expect(outcome).toMatchObject({ written: false, anchor: null, report: { firstBroken: { id: ids[1] } } });
    expect(await readAuditAnchors(file)).toEqual([]);
    await appendAuditAnchor(file, { lastId: '1', hash: 'f'.repeat(64), count: 1, anchoredAt: 'now' });
    await import('node:fs/promises').then((fs) => fs.appendFile(file, 'not json\n'));
    await expect(readAuditAnchors(file)).rejects.toThrow(`${file}:2: not a JSON anchor line`);
  });
});
