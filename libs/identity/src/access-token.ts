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
}

const ISSUER = 'dondoc';

export async function signAccessToken(claims: TokenClaims, secret: string, now: Date): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    email: claims.email,
    name: claims.name,
    org: claims.organizationId,
    roles: claims.roles,
    locale: claims.locale,
    scope: claims.scope,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
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
 * The claims of a valid, unexpired token with the second it expires (its `exp`; null when
 * it has none, which our tokens always have), or null.
 */
export async function verifyAccessTokenUntil(
  token: string,
  secret: string,
  now: Date,
): Promise<{ claims: TokenClaims; expiresAtSeconds: number | null } | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer: ISSUER,
      algorithms: ['HS256'],
      currentDate: now,
    });
    const roles = payload.roles;
    if (typeof payload.sub !== 'string' || !Array.isArray(roles) || typeof payload.org !== 'string')
      return null;
    return {
      claims: {
        userId: payload.sub,
        email: String(payload.email),
        name: String(payload.name),
        organizationId: payload.org,
        roles: roles.filter((role): role is Role => (Object.values(Role) as unknown[]).includes(role)),
        locale: payload.locale === 'en' ? 'en' : 'vi',
        scope: payload.scope as AccessScope,
      },
      expiresAtSeconds: typeof payload.exp === 'number' ? payload.exp : null,
    };
  } catch {
    return null;
  }
}
