import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { DataSource, EntityManager } from 'typeorm';

import type { AuditKey } from './audit-key.js';
import { type AuditChainReport, verifyAuditChain } from './audit-verify.js';

/**
 * The head of the chain at one moment, kept outside the database (one JSON line of
 * AUDIT_ANCHOR_FILE). A chain can be recomputed by whoever has the key, and its newest events
 * removed without a trace; an anchor cannot be changed from the database: the anchored event
 * must keep its hash, and as many events must lead up to it.
 */
export interface AuditAnchor {
  /** The id of the newest event then (bigint as a decimal string). */
  lastId: string;
  hash: string;
  /** Events with an id up to `lastId`. */
  count: number;
  /** ISO time the anchor was written. */
  anchoredAt: string;
}

/** The head of the chain as committed now, or null for an empty trail. */
export async function auditChainHead(
  db: DataSource | EntityManager,
): Promise<Omit<AuditAnchor, 'anchoredAt'> | null> {
  // One statement, one snapshot: writers commit in id order under the chain lock, so the
  // rows it sees are a prefix of the chain and the count is the head's position.
  const [head] = await db.query<{ id: string; hash: string; count: string }[]>(
    `SELECT head.id::text AS id, head.hash,
            (SELECT count(*) FROM audit_events e WHERE e.id <= head.id)::text AS count
       FROM (SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1) AS head`,
  );
  return head === undefined ? null : { lastId: head.id, hash: head.hash, count: Number(head.count) };
}

/** Every anchor of the file, oldest first; none when the file does not exist yet. */
export async function readAuditAnchors(file: string): Promise<AuditAnchor[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const anchors: AuditAnchor[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    anchors.push(parseAnchor(line, `${file}:${index + 1}`));
  });
  return anchors;
}

function parseAnchor(line: string, where: string): AuditAnchor {
  let value: Partial<Record<keyof AuditAnchor, unknown>>;
  try {
    value = JSON.parse(line) as typeof value;
  } catch {
    throw new Error(`${where}: not a JSON anchor line`);
  }
  const { lastId, hash, count, anchoredAt } = value;
  if (
    typeof lastId !== 'string' ||
    !/^\d{1,19}$/.test(lastId) ||
    typeof hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(hash) ||
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 1 ||
    typeof anchoredAt !== 'string'
  ) {
    throw new Error(`${where}: an anchor needs lastId, hash, count and anchoredAt`);
  }
  return { lastId, hash, count, anchoredAt };
}

/**
 * Appends `anchor` to the file as one line and flushes it to disk before returning, unless
 * the file's last anchor is already this head (a job run twice, or run with nothing new):
 * anchoring is idempotent. Returns whether a line was written.
 */
export async function appendAuditAnchor(file: string, anchor: AuditAnchor): Promise<boolean> {
  const anchors = await readAuditAnchors(file);
  const last = anchors.at(-1);
  if (last !== undefined && last.lastId === anchor.lastId && last.hash === anchor.hash) return false;
  await mkdir(dirname(file), { recursive: true });
  // 'a': every write goes to the end, whatever else has the file open; fsync: on disk when we say so.
  const handle = await open(file, 'a', 0o600);
  try {
    const line = JSON.stringify({
      lastId: anchor.lastId,
      hash: anchor.hash,
      count: anchor.count,
      anchoredAt: anchor.anchoredAt,
    });
    await handle.write(`${line}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** What `anchorAuditChain` did. */
export interface AnchorOutcome {
  /** The check of the chain against the earlier anchors that came first. */
  report: AuditChainReport;
  /** The head anchored (or already anchored); null when the chain is broken or empty. */
  anchor: AuditAnchor | null;
  /** False when the file's last anchor already was this head. */
  written: boolean;
}

/** Checks the trail against every anchor of `file` (`audit verify`). */
export async function verifyAuditTrail(
  db: DataSource | EntityManager,
  key: AuditKey,
  file: string,
): Promise<AuditChainReport> {
  return verifyAuditChain(db, { key, anchors: await readAuditAnchors(file), batchSize: 5_000 });
}

/**
 * `audit anchor` and the daily job: writes the head of the chain to `file`, once the chain up
 * to it checks out against the anchors before it. A broken chain is not anchored: that would
 * vouch for what was tampered with.
 */
export async function anchorAuditChain(
  db: DataSource | EntityManager,
  key: AuditKey,
  file: string,
  now: Date,
): Promise<AnchorOutcome> {
  // The head first, the check second: the check then covers at least every event anchored.
  const head = await auditChainHead(db);
  const report = await verifyAuditTrail(db, key, file);
  if (report.firstBroken !== null || head === null) return { report, anchor: null, written: false };
  const anchor = { ...head, anchoredAt: now.toISOString() };
  return { report, anchor, written: await appendAuditAnchor(file, anchor) };
}
