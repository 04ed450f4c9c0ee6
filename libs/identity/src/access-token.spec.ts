import { SignJWT } from 'jose';

import {
  ACCESS_TOKEN_SECONDS,
  signAccessToken,
  type TokenClaims,
  verifyAccessTokenUntil,
} from './access-token.js';
import { Role } from './role.js';

const SECRET = 'a-secret-that-is-long-enough-for-hs256-tokens';
const NOW = new Date('2026-05-01T00:00:00.000Z');
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);
const claims: TokenClaims = {
  userId: '6f1c2f7e-0a52-4b8e-9a55-1d1f0b7c2e11',
  email: 'thuongtruc@dondoc.local',
  name: 'Thường trực',
  organizationId: '0b7e3c1a-5a9d-4f2e-8c41-7b2d9e6f1a33',
  roles: [Role.SUPERVISOR],
  locale: 'vi',
  scope: { kind: 'subtrees', paths: ['p01'] },
  sessionId: '2d0f8c4e-6b1a-4c7e-9f3d-5a8b7c6d4e21',
  sessionVersion: 3,
};

interface Parts {
  iss?: string;
  aud?: string;
  iat?: number;
  exp?: number;
  sid?: string;
  sv?: number;
}

/** A token signed with the real secret, as someone holding it could make one: only `parts` set. */
function handMade(parts: Parts): Promise<string> {
  const session = {
    ...(parts.sid ? { sid: parts.sid } : {}),
    ...(parts.sv !== undefined ? { sv: parts.sv } : {}),
  };
  let token = new SignJWT({
    org: claims.organizationId,
    roles: claims.roles,
    scope: claims.scope,
    ...session,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.userId);
  if (parts.iss) token = token.setIssuer(parts.iss);
  if (parts.aud) token = token.setAudience(parts.aud);
  if (parts.iat !== undefined) token = token.setIssuedAt(parts.iat);
  if (parts.exp !== undefined) token = token.setExpirationTime(parts.exp);
  return token.sign(new TextEncoder().encode(SECRET));
}

const complete: Parts = {
  iss: 'dondoc',
  aud: 'dondoc-api',
  iat: NOW_SECONDS,
  exp: NOW_SECONDS + 60,
  sid: claims.sessionId,
  sv: claims.sessionVersion,
};

describe('access tokens', () => {
  it('accepts its own tokens, until their exp', async () => {
    const token = await signAccessToken(claims, SECRET, NOW);
    const verified = await verifyAccessTokenUntil(token, SECRET, NOW);
    expect(verified?.claims.userId).toBe(claims.userId);
    expect(verified?.claims).toMatchObject({ sessionId: claims.sessionId, sessionVersion: 3 });
    expect(verified?.expiresAtSeconds).toBe(NOW_SECONDS + ACCESS_TOKEN_SECONDS);
    const later = new Date((NOW_SECONDS + ACCESS_TOKEN_SECONDS + 1) * 1000);
    expect(await verifyAccessTokenUntil(token, SECRET, later)).toBeNull();
  });

  it('accepts a hand-made token only when it carries every claim ours carry', async () => {
    expect(await verifyAccessTokenUntil(await handMade(complete), SECRET, NOW)).not.toBeNull();
    for (const missing of ['iss', 'aud', 'iat', 'exp', 'sid', 'sv'] as const) {
      const { [missing]: _left, ...rest } = complete;
      expect({ missing, verified: await verifyAccessTokenUntil(await handMade(rest), SECRET, NOW) }).toEqual({
        missing,
        verified: null,
      });
    }
  });

  it('refuses a token for another audience or from another issuer', async () => {
    expect(
      await verifyAccessTokenUntil(await handMade({ ...complete, aud: 'other' }), SECRET, NOW),
    ).toBeNull();
    expect(
      await verifyAccessTokenUntil(await handMade({ ...complete, iss: 'other' }), SECRET, NOW),
    ).toBeNull();
  });

  it('bounds a token’s life by an access token’s, whatever its own exp says', async () => {
    const yearLong = await handMade({ ...complete, exp: NOW_SECONDS + 365 * 24 * 3600 });
    const fresh = await verifyAccessTokenUntil(yearLong, SECRET, NOW);
    // Accepted while young, but cached no longer than an access token lives…
    expect(fresh?.expiresAtSeconds).toBe(NOW_SECONDS + ACCESS_TOKEN_SECONDS);
    // …and refused once older than that.
    const later = new Date((NOW_SECONDS + ACCESS_TOKEN_SECONDS + 60) * 1000);
    expect(await verifyAccessTokenUntil(yearLong, SECRET, later)).toBeNull();
  });
});
