import { createHash } from 'node:crypto';

/** What a jsonb column holds and gives back. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The previous hash of the first event: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

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
 * SHA-256 (hex) over the canonical JSON of an event's content and the hash of the event
 * before it. The id is left out on purpose: the chain, not the id, says what came before.
 */
export function auditEventHash(input: AuditHashInput): string {
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
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
