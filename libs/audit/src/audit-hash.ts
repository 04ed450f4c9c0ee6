import { createHash } from 'node:crypto';

import type { AuditKey } from './audit-key.js';

/** What a jsonb column holds and gives back. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The previous hash of the first event: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * How a link of the chain is computed. Version 1, the events recorded before issue 14: plain
 * SHA-256, which anyone who can write the table can recompute. Version 2: HMAC-SHA-256 with
 * AUDIT_KEY, covering the subject paths and the version itself. Versions never go down along
 * the chain, so plain links cannot be appended after keyed ones.
 */
export const AuditChainVersion = { PLAIN: 1, KEYED: 2 } as const;
export type AuditChainVersion = (typeof AuditChainVersion)[keyof typeof AuditChainVersion];

/** The version every new event is recorded with. */
export const CURRENT_CHAIN_VERSION: AuditChainVersion = AuditChainVersion.KEYED;

/** The fields of an event that its hash covers: everything but `id` and `hash` itself. */
export interface AuditHashInput {
  occurredAt: Date;
  actorId: string | null;
  actorOrganizationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: JsonValue | null;
  after: JsonValue | null;
  requestId: string | null;
  previousHash: string;
  /** The ltree paths of the bodies the event is about, sorted; null when it has none (version 1). */
  subjectPaths: readonly string[] | null;
  chainVersion: number;
}

/**
 * JSON with the keys of every object sorted, so the same content always gives the same
 * text: jsonb does not keep the key order it was given, and neither do callers.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      // JSON.stringify would turn it into null silently, and the hash would lie about the content.
      throw new TypeError(`Cannot hash the non-finite number ${value}`);
    }
    return JSON.stringify(value);
  }
  // Plain loops: a task fanned out to 25,000 organizations hashes 25,000 events in one call.
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${text}]`;
  }
  const keys = Object.keys(value).sort();
  let text = '{';
  for (const key of keys) {
    const member = value[key];
    if (member === undefined) continue; // as JSON.stringify and jsonb do
    text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
  }
  return `${text}}`;
}

/**
 * The hash of an event as its chain version computes it: plain SHA-256 for version 1, the
 * HMAC with `key` for version 2. The id is left out on purpose: the chain, not the id, says
 * what came before.
 */
export function auditEventHash(input: AuditHashInput, key: AuditKey | null): string {
  switch (input.chainVersion) {
    case AuditChainVersion.PLAIN:
      return plainAuditHash(input);
    case AuditChainVersion.KEYED:
      if (key === null) throw new Error('AUDIT_KEY is needed to compute or check a keyed audit event');
      return key.sign(canonicalJson({ ...plainContent(input), subjectPaths: subjectPathsOf(input) }));
    default:
      throw new RangeError(`Unknown audit chain version ${input.chainVersion}`);
  }
}

/**
 * Version 1: SHA-256 (hex) over the canonical JSON of an event's content and the hash of the
 * event before it. Kept to verify the events recorded before the chain was keyed.
 */
export function plainAuditHash(input: AuditHashInput): string {
  return createHash('sha256')
    .update(canonicalJson(plainContent(input)), 'utf8')
    .digest('hex');
}

function plainContent(input: AuditHashInput): { [key: string]: JsonValue } {
  const content: { [key: string]: JsonValue } = {
    occurredAt: input.occurredAt.toISOString(),
    actorId: input.actorId,
    actorOrganizationId: input.actorOrganizationId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: input.before,
    after: input.after,
    requestId: input.requestId,
    previousHash: input.previousHash,
  };
  // Version 1 hashed exactly the fields above; later versions also cover their own number.
  if (input.chainVersion !== AuditChainVersion.PLAIN) content.chainVersion = input.chainVersion;
  return content;
}

function subjectPathsOf(input: AuditHashInput): JsonValue {
  return input.subjectPaths === null ? null : [...input.subjectPaths];
}
