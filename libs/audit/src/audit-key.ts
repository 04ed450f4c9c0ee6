import { createHmac } from 'node:crypto';

/** Shortest AUDIT_KEY accepted: 32 characters, as for JWT_SECRET. */
export const AUDIT_KEY_MIN_LENGTH = 32;

/**
 * The secret that keys the audit chain (AUDIT_KEY). It lives outside the database on purpose:
 * whoever can rewrite `audit_events` cannot recompute a link without it.
 */
export class AuditKey {
  readonly #secret: string;

  constructor(secret: string) {
    if (typeof secret !== 'string' || secret.length < AUDIT_KEY_MIN_LENGTH) {
      throw new RangeError(`The audit key must be at least ${AUDIT_KEY_MIN_LENGTH} characters`);
    }
    this.#secret = secret;
  }

  /** Hex HMAC-SHA-256 of `text`. */
  sign(text: string): string {
    return createHmac('sha256', this.#secret).update(text, 'utf8').digest('hex');
  }

  /** Never print the secret, even by accident (a logged error, a dumped provider). */
  toJSON(): string {
    return 'AuditKey(…)';
  }
}
