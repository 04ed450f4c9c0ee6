import { Injectable } from '@nestjs/common';

import type { SessionsEnded } from '@dondoc/platform';

import type { Caller } from './caller.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

interface Verified {
  caller: Caller;
  /** The refresh-token family the token belongs to: ending it ends the token. */
  sessionId: string;
}

/**
 * The access tokens this process verified against the database, kept until their session
 * ends. The cache is trusted only while this process hears of every ended session (the API's
 * `SessionRevocationListener` calls `trust` once it LISTENs, `distrust` when the connection is
 * lost); otherwise — the worker, the CLI, a lost connection — nothing is cached and every
 * request checks its token against the database.
 */
@Injectable()
export class SessionCache {
  private readonly tokens = new VerifiedTokenCache<Verified>();
  private trusted = false;
  /** Moves on with every end heard: a check in flight across one must not be cached. */
  private generation = 0;
  /** Tokens answered from the cache, and tokens that had to be verified (for /metrics). */
  readonly lookups = { cached: 0, verified: 0 };

  get isTrusted(): boolean {
    return this.trusted;
  }

  get size(): number {
    return this.tokens.size;
  }

  /** The caller of a token verified earlier and still in force, or undefined. */
  lookup(token: string, now: Date): Caller | undefined {
    const caller = this.trusted ? this.tokens.get(token, now)?.caller : undefined;
    if (caller) this.lookups.cached += 1;
    else this.lookups.verified += 1;
    return caller;
  }

  /** Taken before a token's session is checked in the database, and given back to `remember`. */
  mark(): number {
    return this.generation;
  }

  /**
   * Keeps a token whose session was found open. Not when an end was heard since `mark`: the
   * check may have read the database before that end committed.
   */
  remember(token: string, caller: Caller, sessionId: string, expiresAtSeconds: number, mark: number): void {
    if (!this.trusted || mark !== this.generation) return;
    this.tokens.set(token, { caller, sessionId }, expiresAtSeconds);
  }

  /** Drops the tokens of sessions that ended (here or, by notification, in another process). */
  ended(message: SessionsEnded): void {
    this.generation += 1;
    if ('familyId' in message) {
      this.tokens.deleteWhere((entry) => entry.sessionId === message.familyId);
    } else {
      const users = new Set(message.userIds);
      this.tokens.deleteWhere((entry) => users.has(entry.caller.userId));
    }
  }

  /** Drops every token: each is checked against the database again on its next request. */
  forgetAll(): void {
    this.generation += 1;
    this.tokens.clear();
  }

  /** Ends may now go unheard: forget everything and check every token until `trust`. */
  distrust(): void {
    this.trusted = false;
    this.forgetAll();
  }

  /** Every end is heard from now on; what was kept before is not known to be current. */
  trust(): void {
    this.forgetAll();
    this.trusted = true;
  }
}
