import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AuditKey } from '@dondoc/audit';
import {
  builtEntry,
  createTestDatabase,
  deleteAuditTail,
  rewriteAuditEvent,
  runToEnd,
  type TestDatabase,
} from '@dondoc/test-support';
import pg from 'pg';

/**
 * The attack of issue 14, through the command line an operator runs: as a database superuser,
 * disable the append-only trigger, rewrite an event, recompute the plain SHA-256 chain from it,
 * enable the trigger. `audit verify` used to say "intact"; it must name that event now. Also
 * a rewrite rehashed with a wrong key, and the newest events deleted after an anchor.
 */
const JWT_SECRET = 'a-secret-that-is-at-least-32-characters';

describe('audit verify against a database owner', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  /** A database with the seeded trail (organizations and demo users), anchored once. */
  async function seededAndAnchored() {
    const database = await createTestDatabase();
    databases.push(database);
    const anchors = join(mkdtempSync(join(tmpdir(), 'dondoc-anchors-')), 'audit-anchors.jsonl');
    const env = { DATABASE_URL: database.url, JWT_SECRET, LOG_LEVEL: 'warn', AUDIT_ANCHOR_FILE: anchors };
    const cli = (...args: string[]) => runToEnd([builtEntry('cli'), ...args], env);
    const seeded = await cli('seed', '--demo');
    expect(seeded.code).toBe(0);
    const anchored = await cli('audit', 'anchor');
    expect(anchored.stderr).toBe('');
    expect(anchored.stdout).toMatch(
      /^Anchored: event #\d+ \(\d+ events, hash [0-9a-f]{64}\) in .+audit-anchors\.jsonl$/m,
    );
    const ids = await eventIds(database.url);
    return { database, anchors, cli, ids };
  }

  async function eventIds(url: string): Promise<string[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (
        await client.query<{ id: string }>('SELECT id::text AS id FROM audit_events ORDER BY audit_events.id')
      ).rows.map((row) => row.id);
    } finally {
      await client.end();
    }
  }

  it('names the event a superuser rewrote and rehashed with plain SHA-256', async () => {
    const { database, cli, ids } = await seededAndAnchored();
    const intact = await cli('audit', 'verify');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(
      new RegExp(`^Audit trail intact: ${ids.length} events checked; 1 anchor of .+ matched\\.$`, 'm'),
    );

    const target = ids[Math.floor(ids.length / 2)];
    await rewriteAuditEvent(database.url, target, { name: 'forged' }, { plain: true });
    const broken = await cli('audit', 'verify');
    process.stderr.write(`audit verify after the plain rewrite of #${target}: ${broken.stderr}`);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toBe(
      `Audit trail broken at event #${target}: hash mismatch: the content of this event was changed after it ` +
        'was recorded, or its hash was not computed with this AUDIT_KEY\n',
    );
    // Claiming the unkeyed version for the rewritten events does not help either.
    await rewriteAuditEvent(database.url, target, { name: 'forged' }, { plain: true, claimVersion1: true });
    const downgraded = await cli('audit', 'verify');
    expect(downgraded.code).toBe(1);
    expect(downgraded.stderr).toBe(
      `Audit trail broken at event #${target}: version mismatch: chain version 1 after version 2 ` +
        '(unkeyed links were written after keyed ones)\n',
    );
    // And a broken trail is not anchored.
    const refused = await cli('audit', 'anchor');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^Audit trail broken at event #${target}: `));
  });

  it('names the event a superuser rewrote and rehashed with a key of his own', async () => {
    const { database, cli, ids } = await seededAndAnchored();
    const target = ids[3];
    await rewriteAuditEvent(
      database.url,
      target,
      { name: 'forged' },
      {
        key: new AuditKey('the-attacker-does-not-have-the-real-key'),
      },
    );
    const broken = await cli('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(new RegExp(`^Audit trail broken at event #${target}: hash mismatch: `));
  });

  it('catches by the anchor the newest events deleted, which the chain alone cannot show', async () => {
    const { database, anchors, cli, ids } = await seededAndAnchored();
    const anchor = JSON.parse(readFileSync(anchors, 'utf8').trim()) as { lastId: string; count: number };
    expect(anchor).toMatchObject({ lastId: ids.at(-1), count: ids.length });
    await deleteAuditTail(database.url, 2);
    const broken = await cli('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      new RegExp(
        `^Audit trail broken at event #${anchor.lastId}: anchor mismatch: the trail ends at event #${ids.at(-3)} ` +
          `\\(${ids.length - 2} events\\), event #${anchor.lastId}, anchored at .+ with ${ids.length} events up to it, ` +
          'is missing \\(events were removed\\)\\n$',
      ),
    );
    // Without the anchor file, the shortened chain would pass: the anchor is what caught it.
    const alone = await runToEnd([builtEntry('cli'), 'audit', 'verify'], {
      DATABASE_URL: database.url,
      JWT_SECRET,
      LOG_LEVEL: 'warn',
    });
    expect(alone.code).toBe(0);
  });

  it('does not vouch for a trail with a key that is not the one it was written with', async () => {
    const { database, ids } = await seededAndAnchored();
    const wrong = await runToEnd([builtEntry('cli'), 'audit', 'verify'], {
      DATABASE_URL: database.url,
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      AUDIT_KEY: 'not-the-key-the-trail-was-written-with',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(new RegExp(`^Audit trail broken at event #${ids[0]}: hash mismatch`));
  });
});
