import { type AppConfig, FixedClock } from '@dondoc/platform';

import { ACCESS_TOKEN_SECONDS, signAccessToken, type TokenClaims } from './access-token.js';
import { AuthService } from './auth.service.js';
import { Role } from './role.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

const SECRET = 'a-secret-that-is-long-enough-for-hs256-tokens';
const ISSUED = '2026-05-01T00:00:00.000Z';
const claims: TokenClaims = {
  userId: '6f1c2f7e-0a52-4b8e-9a55-1d1f0b7c2e11',
  email: 'thuongtruc@dondoc.local',
  name: 'Thường trực',
  organizationId: '0b7e3c1a-5a9d-4f2e-8c41-7b2d9e6f1a33',
  roles: [Role.SUPERVISOR],
  locale: 'vi',
  scope: { kind: 'subtrees', paths: ['p01'] },
};

/** Only the clock and the secret are used to authenticate: the rest stays unset. */
function authService(clock: FixedClock): AuthService {
  const config = { jwtSecret: SECRET } as AppConfig;
  const unused = null as never;
  return new AuthService(unused, unused, unused, unused, unused, clock, config);
}

describe('AuthService.authenticate with its cache of verified tokens', () => {
  it('answers a repeated token from the cache until, and not after, the second of its exp', async () => {
    const clock = new FixedClock(ISSUED);
    const auth = authService(clock);
    const token = await signAccessToken(claims, SECRET, clock.now());
    const first = await auth.authenticate(token);
    expect(first?.userId).toBe(claims.userId);
    expect(first?.scope).toEqual(claims.scope);
    expect(await auth.authenticate(token)).toBe(first); // the cached caller

    const exp = new Date(ISSUED).getTime() + ACCESS_TOKEN_SECONDS * 1000;
    clock.set(new Date(exp - 1));
    expect(await auth.authenticate(token)).toBe(first);
    clock.set(new Date(exp));
    expect(await auth.authenticate(token)).toBeNull();
    // And stays refused: the expired entry is gone, verification refuses it too.
    expect(await auth.authenticate(token)).toBeNull();
  });

  it('never caches a forged or tampered token', async () => {
    const clock = new FixedClock(ISSUED);
    const auth = authService(clock);
    const forged = await signAccessToken(claims, `${SECRET}-other`, clock.now());
    expect(await auth.authenticate(forged)).toBeNull();
    expect(await auth.authenticate(forged)).toBeNull();
    const token = await signAccessToken(claims, SECRET, clock.now());
    expect(await auth.authenticate(token)).not.toBeNull();
    const [header, payload, signature] = token.split('.');
    const tampered = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await auth.authenticate(tampered)).toBeNull();
  });
});

describe('VerifiedTokenCache', () => {
  const now = new Date('2026-05-01T00:00:00.000Z');
  const later = Math.floor(now.getTime() / 1000) + 60;

  it('forgets the least recently used token beyond its capacity', () => {
    const cache = new VerifiedTokenCache<string>(2);
    cache.set('a', 'A', later);
    cache.set('b', 'B', later);
    expect(cache.get('a', now)).toBe('A'); // a is now the most recent
    cache.set('c', 'C', later);
    expect(cache.size).toBe(2);
    expect(cache.get('b', now)).toBeUndefined();
    expect(cache.get('a', now)).toBe('A');
    expect(cache.get('c', now)).toBe('C');
  });

  it('drops an entry once its second of expiry has come', () => {
    const cache = new VerifiedTokenCache<string>();
    cache.set('a', 'A', Math.floor(now.getTime() / 1000));
    expect(cache.get('a', now)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
