import { SignJWT, jwtVerify } from 'jose';

import type { AccessScope } from '@dondoc/organizations';

import { Role } from './role.js';
import type { Locale } from './user.entity.js';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

/** What a signed-in request knows about its caller, carried in the access token. */
export interface TokenClaims {
  userId: string;
  email: string;
  name: string;
  organizationId: string;
  roles: Role[];
  locale: Locale;
  scope: AccessScope;
  /** The refresh-token family (the sign-in) the token was issued for: logout ends it. */
  sessionId: string;
  /** The user's `session_version` when the token was issued: a later change ends it. */
  sessionVersion: number;
}

const ISSUER = 'dondoc';
/** Who the access tokens are for: the API. A token minted for anything else is not one of ours. */
const AUDIENCE = 'dondoc-api';
/**
 * Claims a token must carry to be accepted. Without `exp` a token signed with the secret would
 * be good forever; without `iat` its age could not be bounded; without `sid` and `sv` it could
 * not be checked against the session it belongs to.
 */
const REQUIRED_CLAIMS = ['sub', 'iss', 'aud', 'iat', 'exp', 'sid', 'sv'];

export async function signAccessToken(claims: TokenClaims, secret: string, now: Date): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    email: claims.email,
    name: claims.name,
    org: claims.organizationId,
    roles: claims.roles,
    locale: claims.locale,
    scope: claims.scope,
    sid: claims.sessionId,
    sv: claims.sessionVersion,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_SECONDS)
    .sign(new TextEncoder().encode(secret));
}

/** The claims of a valid, unexpired token, or null. */
export async function verifyAccessToken(
  token: string,
  secret: string,
  now: Date,
): Promise<TokenClaims | null> {
  return (await verifyAccessTokenUntil(token, secret, now))?.claims ?? null;
}

/**
 * The claims of a valid, unexpired token with the second it expires, or null. Valid means ours
 * in every part: signed with the secret (HS256), issued by and for Dondoc, with `iat` and `exp`,
 * and issued no longer ago than an access token lives, whatever its own `exp` says.
 */
export async function verifyAccessTokenUntil(
  token: string,
  secret: string,
  now: Date,
): Promise<{ claims: TokenClaims; expiresAtSeconds: number } | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: REQUIRED_CLAIMS,
      maxTokenAge: ACCESS_TOKEN_SECONDS,
      currentDate: now,
    });
    if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number') return null;
    const roles = payload.roles;
    if (typeof payload.sub !== 'string' || !Array.isArray(roles) || typeof payload.org !== 'string')
      return null;
    if (typeof payload.sid !== 'string' || !Number.isInteger(payload.sv)) return null;
    return {
      claims: {
        userId: payload.sub,
        email: String(payload.email),
        name: String(payload.name),
        organizationId: payload.org,
        roles: roles.filter((role): role is Role => (Object.values(Role) as unknown[]).includes(role)),
        locale: payload.locale === 'en' ? 'en' : 'vi',
        scope: payload.scope as AccessScope,
        sessionId: payload.sid,
        sessionVersion: payload.sv as number,
      },
      // The earlier of its own expiry and the end of an access token's life: a cache of verified
      // tokens must not keep one past either.
      expiresAtSeconds: Math.min(payload.exp, payload.iat + ACCESS_TOKEN_SECONDS),
    };
  } catch {
    return null;
  }
}
