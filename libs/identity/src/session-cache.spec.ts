import { Caller } from './caller.js';
import { Role } from './role.js';
import { SessionCache } from './session-cache.js';

const NOW = new Date('2026-05-01T00:00:00.000Z');
const LATER = Math.floor(NOW.getTime() / 1000) + 60;

function caller(userId: string): Caller {
  return new Caller(userId, 'org', [Role.VIEWER], { kind: 'all' }, 'vi', 'Người xem', 'xem@test.local');
}

function trustedCache(): SessionCache {
  const cache = new SessionCache();
  cache.trust();
  return cache;
}

describe('SessionCache', () => {
  it('keeps nothing and answers nothing until it is trusted', () => {
    const cache = new SessionCache();
    cache.remember('t', caller('u1'), 's1', LATER, cache.mark());
    expect(cache.lookup('t', NOW)).toBeUndefined();
    cache.trust();
    cache.remember('t', caller('u1'), 's1', LATER, cache.mark());
    expect(cache.lookup('t', NOW)?.userId).toBe('u1');
  });

  it('forgets the tokens of users whose sessions ended, and only theirs', () => {
    const cache = trustedCache();
    cache.remember('a', caller('u1'), 's1', LATER, cache.mark());
    cache.remember('b', caller('u1'), 's2', LATER, cache.mark());
    cache.remember('c', caller('u2'), 's3', LATER, cache.mark());
    cache.ended({ userIds: ['u1'] });
    expect(cache.lookup('a', NOW)).toBeUndefined();
    expect(cache.lookup('b', NOW)).toBeUndefined();
    expect(cache.lookup('c', NOW)?.userId).toBe('u2');
  });

  it('forgets the tokens of one ended sign-in, not the user’s other ones', () => {
    const cache = trustedCache();
    cache.remember('a', caller('u1'), 's1', LATER, cache.mark());
    cache.remember('b', caller('u1'), 's2', LATER, cache.mark());
    cache.ended({ familyId: 's1' });
    expect(cache.lookup('a', NOW)).toBeUndefined();
    expect(cache.lookup('b', NOW)?.userId).toBe('u1');
  });

  it('does not keep a token checked across an end it may not have seen', () => {
    const cache = trustedCache();
    const mark = cache.mark(); // the check starts…
    cache.ended({ userIds: ['someone-else'] }); // …an end is heard meanwhile…
    cache.remember('a', caller('u1'), 's1', LATER, mark); // …and the result is not kept
    expect(cache.lookup('a', NOW)).toBeUndefined();
  });

  it('forgets everything when distrusted, and keeps nothing until trusted again', () => {
    const cache = trustedCache();
    cache.remember('a', caller('u1'), 's1', LATER, cache.mark());
    cache.distrust();
    expect(cache.size).toBe(0);
    const mark = cache.mark();
    cache.remember('a', caller('u1'), 's1', LATER, mark);
    expect(cache.size).toBe(0);
    cache.trust();
    // A check begun before trust came back is not kept either.
    cache.remember('a', caller('u1'), 's1', LATER, mark);
    expect(cache.size).toBe(0);
  });
});
