import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { isUuid } from '@dondoc/organizations';
import {
  AppConfig,
  badInput,
  Clock,
  DomainErrorCode,
  DomainException,
  endSessionFamily,
  TEXT_LIMITS,
  textTooLongMessage,
} from '@dondoc/platform';

import { signAccessToken, type TokenClaims, verifyAccessTokenUntil } from './access-token.js';
import { Caller } from './caller.js';
import { LoginThrottle } from './login-throttle.js';
import { decoyHash, verifyPassword } from './password-hasher.js';
import { RefreshToken } from './refresh-token.entity.js';
import { ScopeResolver } from './scope-resolver.js';
import { SessionCache } from './session-cache.js';
import { User } from './user.entity.js';

export const REFRESH_TOKEN_DAYS = 30;

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: User;
}

const WRONG_CREDENTIALS = new DomainException(DomainErrorCode.UNAUTHENTICATED, {
  en: 'Wrong e-mail or password',
  vi: 'Sai địa chỉ e-mail hoặc mật khẩu',
});

const SESSION_ENDED = () =>
  new DomainException(DomainErrorCode.UNAUTHENTICATED, {
    en: 'The session has ended: sign in again',
    vi: 'Phiên làm việc đã kết thúc: vui lòng đăng nhập lại',
  });

/**
 * Sign-in and sessions: short access tokens (15 minutes) and rotating refresh tokens kept
 * only as hashes. A refresh token used twice means it leaked: its whole family is revoked.
 * An access token names its session (the refresh-token family) and the user's session version:
 * it is refused as soon as that session ends or the version moves on (see `endSessionsOfUsers`).
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
    private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottle,
    private readonly scopes: ScopeResolver,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    /** Tokens verified by this process: the same token on every request is checked once. */
    private readonly sessions: SessionCache,
  ) {}

  async login(emailInput: string, password: string, address: string): Promise<Session> {
    if (emailInput.length > TEXT_LIMITS.email || password.length > TEXT_LIMITS.password) {
      return this.refuseOversized(emailInput, address);
    }
    const email = emailInput.trim().toLowerCase();
    // Recorded as a failure before the password is checked, so parallel guesses all count.
    const attempt = await this.throttle.reserve(email, address);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    // Same work and same answer whether the e-mail or the password is wrong.
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    // A person of a body that was deactivated signs in no more than a deactivated person.
    if (!user || !valid || !user.active || !(await this.bodyActive(user.organizationId))) {
      throw WRONG_CREDENTIALS;
    }
    await this.throttle.succeeded(attempt);
    return this.issue(user, randomUUID());
  }

  /**
   * An e-mail or password longer than any real one: refused before any hashing (argon2 on a
   * huge input is the costly part) and counted as a failure of the account, so a script
   * cannot send oversized attempts without ever being throttled. The e-mail is counted cut
   * to its limit: the attempts table indexes it.
   */
  private async refuseOversized(emailInput: string, address: string): Promise<never> {
    const email = emailInput.slice(0, TEXT_LIMITS.email).trim().toLowerCase();
    await this.throttle.reserve(email, address);
    const [field, limit] =
      emailInput.length > TEXT_LIMITS.email
        ? ['email', TEXT_LIMITS.email]
        : ['password', TEXT_LIMITS.password];
    throw badInput(field, textTooLongMessage(field, limit));
  }

  async refresh(token: string): Promise<Session> {
    const now = this.clock.now();
    const found = await this.refreshTokens.findOne({ where: { tokenHash: hashToken(token) } });
    if (!found || found.revokedAt || found.expiresAt <= now) throw SESSION_ENDED();
    const user = await this.users.findOne({ where: { id: found.userId } });
    if (!user || !user.active) throw SESSION_ENDED();
    return this.issue(user, found.familyId, found.id);
  }

  /** Ends the session the refresh token belongs to. True when there was one to end. */
  async logout(token: string): Promise<boolean> {
    const found = await this.refreshTokens.findOne({ where: { tokenHash: hashToken(token) } });
    if (!found) return false;
    await this.endSession(found.familyId);
    return true;
  }

  /**
   * The caller behind an access token, or null when it is missing, forged, expired or its
   * session has ended.
   */
  async authenticate(accessToken: string): Promise<Caller | null> {
    const secret = this.secret();
    const now = this.clock.now();
    const known = this.sessions.lookup(accessToken, now);
    if (known) return known;
    const verified = await verifyAccessTokenUntil(accessToken, secret, now);
    if (!verified) return null;
    const mark = this.sessions.mark();
    if (!(await this.sessionInForce(verified.claims))) return null;
    const caller = Caller.fromClaims(verified.claims);
    this.sessions.remember(accessToken, caller, verified.claims.sessionId, verified.expiresAtSeconds, mark);
    return caller;
  }

  /**
   * One indexed query, once per token and process while the cache is trusted: the user is
   * active, still at the session version the token was issued under, and its sign-in (the
   * refresh-token family) has not ended.
   */
  private async sessionInForce(claims: TokenClaims): Promise<boolean> {
    if (!isUuid(claims.userId) || !isUuid(claims.sessionId)) return false;
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM users u
        WHERE u.id = $1 AND u.active AND u.session_version = $2
          AND EXISTS (SELECT 1 FROM refresh_tokens r
                       WHERE r.family_id = $3 AND r.user_id = u.id AND r.revoked_at IS NULL)`,
      [claims.userId, claims.sessionVersion, claims.sessionId],
    )) as unknown[];
    return rows.length === 1;
  }

  /**
   * A new pair for `user` in the session `familyId`. When refreshing, `exchanged` is the id of
   * the refresh token given in return, claimed in the same transaction.
   */
  private async issue(user: User, familyId: string, exchanged?: string): Promise<Session> {
    const now = this.clock.now();
    const claims: TokenClaims = {
      userId: user.id,
      email: user.email,
      name: user.name,
      organizationId: user.organizationId,
      roles: user.roles,
      locale: user.locale,
      scope: await this.scopes.scopeFor(user.roles, user.organizationId),
      sessionId: familyId,
      sessionVersion: user.sessionVersion,
    };
    const refreshToken = randomBytes(32).toString('base64url');
    const outcome = await this.dataSource.transaction(async (manager) => {
      // The user's row is held until commit: a change that ends their sessions waits for this
      // one (and then revokes the token issued here), or this one sees the version it moved to.
      const [current] = (await manager.query(
        `SELECT u.active AND o.active AS active, u.session_version
           FROM users u JOIN organizations o ON o.id = u.organization_id
          WHERE u.id = $1 FOR SHARE OF u`,
        [user.id],
      )) as { active: boolean; session_version: number }[];
      if (!current?.active || current.session_version !== user.sessionVersion) return 'ended';
      if (exchanged) {
        // Claim the token atomically: of two concurrent uses, only one gets it.
        const claimed = await manager
          .getRepository(RefreshToken)
          .createQueryBuilder()
          .update()
          .set({ usedAt: now })
          .where('id = :id AND used_at IS NULL AND revoked_at IS NULL', { id: exchanged })
          .execute();
        if (claimed.affected !== 1) return 'reused';
      }
      await manager.getRepository(RefreshToken).insert({
        userId: user.id,
        familyId,
        tokenHash: hashToken(refreshToken),
        expiresAt: new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000),
      });
      return 'issued';
    });
    if (outcome === 'reused') await this.endSession(familyId);
    if (outcome !== 'issued') throw SESSION_ENDED();
    return { accessToken: await signAccessToken(claims, this.secret(), now), refreshToken, user };
  }

  private async bodyActive(organizationId: string): Promise<boolean> {
    const rows = (await this.dataSource.query('SELECT active FROM organizations WHERE id = $1', [
      organizationId,
    ])) as { active: boolean }[];
    return rows[0]?.active === true;
  }

  /** Ends one sign-in: its refresh tokens, and its access tokens in every API process. */
  private async endSession(familyId: string): Promise<void> {
    await this.dataSource.transaction((manager) => endSessionFamily(manager, familyId, this.clock.now()));
    this.sessions.ended({ familyId });
  }

  private secret(): string {
    if (!this.config.jwtSecret) throw new Error('JWT_SECRET is not configured');
    return this.config.jwtSecret;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
