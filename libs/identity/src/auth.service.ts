import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import {
  AppConfig,
  badInput,
  Clock,
  DomainErrorCode,
  DomainException,
  TEXT_LIMITS,
  textTooLongMessage,
} from '@dondoc/platform';

import { signAccessToken, type TokenClaims, verifyAccessTokenUntil } from './access-token.js';
import { Caller } from './caller.js';
import { LoginThrottle } from './login-throttle.js';
import { decoyHash, verifyPassword } from './password-hasher.js';
import { RefreshToken } from './refresh-token.entity.js';
import { ScopeResolver } from './scope-resolver.js';
import { User } from './user.entity.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

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
 */
@Injectable()
export class AuthService {
  /** Tokens verified by this process: the same token on every request is checked once. */
  private readonly verified = new VerifiedTokenCache<Caller>();

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
    private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottle,
    private readonly scopes: ScopeResolver,
    private readonly clock: Clock,
    private readonly config: AppConfig,
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
    if (!user || !valid || !user.active) throw WRONG_CREDENTIALS;
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
    // Claim the token atomically: of two concurrent uses, only one gets it.
    const claimed = await this.refreshTokens
      .createQueryBuilder()
      .update()
      .set({ usedAt: now })
      .where('id = :id AND used_at IS NULL', { id: found.id })
      .execute();
    if (claimed.affected !== 1) {
      await this.revokeFamily(found.familyId);
      throw SESSION_ENDED();
    }
    const user = await this.users.findOne({ where: { id: found.userId } });
    if (!user || !user.active) throw SESSION_ENDED();
    return this.issue(user, found.familyId);
  }

  /** Ends the session the refresh token belongs to. True when there was one to end. */
  async logout(token: string): Promise<boolean> {
    const found = await this.refreshTokens.findOne({ where: { tokenHash: hashToken(token) } });
    if (!found) return false;
    await this.revokeFamily(found.familyId);
    return true;
  }

  /** The caller behind an access token, or null when it is missing, forged or expired. */
  async authenticate(accessToken: string): Promise<Caller | null> {
    const secret = this.secret();
    const now = this.clock.now();
    const known = this.verified.get(accessToken, now);
    if (known) return known;
    const verified = await verifyAccessTokenUntil(accessToken, secret, now);
    if (!verified) return null;
    const caller = Caller.fromClaims(verified.claims);
    this.verified.set(accessToken, caller, verified.expiresAtSeconds);
    return caller;
  }

  private async issue(user: User, familyId: string): Promise<Session> {
    const now = this.clock.now();
    const claims: TokenClaims = {
      userId: user.id,
      email: user.email,
      name: user.name,
      organizationId: user.organizationId,
      roles: user.roles,
      locale: user.locale,
      scope: await this.scopes.scopeFor(user.roles, user.organizationId),
    };
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert({
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000),
    });
    return { accessToken: await signAccessToken(claims, this.secret(), now), refreshToken, user };
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL',
      [familyId, this.clock.now()],
    );
  }

  private secret(): string {
    if (!this.config.jwtSecret) throw new Error('JWT_SECRET is not configured');
    return this.config.jwtSecret;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
