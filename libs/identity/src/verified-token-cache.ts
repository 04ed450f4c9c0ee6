/**
 * Access tokens this process has already verified, so that a client sending the same token
 * on every request pays for the HMAC, the claim checks and the session check once, not per
 * request.
 *
 * Access tokens are not stateless: a token stops being valid when its session ends (logout,
 * a reused refresh token, a password, activity, role or body change; see `SessionCache`, which
 * drops the entries of ended sessions as every process is told of them). Otherwise an entry is
 * answered exactly as the verification would answer it: until the second of its `exp`, by the
 * injected clock. Only valid tokens are kept; a forged or expired one is verified every time.
 */
export class VerifiedTokenCache<T> {
  // A Map keeps insertion order: re-inserting on a hit makes the first key the least recent.
  private readonly entries = new Map<string, { value: T; expiresAtSeconds: number }>();

  constructor(private readonly capacity = 10_000) {}

  /** The cached value of an unexpired token, or undefined. */
  get(token: string, now: Date): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    // As jose decides: expired once `exp <= now` in whole seconds.
    if (entry.expiresAtSeconds <= Math.floor(now.getTime() / 1000)) return undefined;
    this.entries.set(token, entry);
    return entry.value;
  }

  set(token: string, value: T, expiresAtSeconds: number): void {
    this.entries.delete(token);
    this.entries.set(token, { value, expiresAtSeconds });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Drops every entry whose value matches: the tokens of sessions that ended. */
  deleteWhere(matches: (value: T) => boolean): void {
    for (const [token, entry] of this.entries) {
      if (matches(entry.value)) this.entries.delete(token);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
