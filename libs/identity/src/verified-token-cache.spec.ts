import { VerifiedTokenCache } from './verified-token-cache.js';

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

  it('drops the entries a predicate picks, and everything on clear', () => {
    const cache = new VerifiedTokenCache<string>();
    cache.set('a', 'user-1', later);
    cache.set('b', 'user-2', later);
    cache.deleteWhere((value) => value === 'user-1');
    expect(cache.get('a', now)).toBeUndefined();
    expect(cache.get('b', now)).toBe('user-2');
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('drops an entry once its second of expiry has come', () => {
    const cache = new VerifiedTokenCache<string>();
    cache.set('a', 'A', Math.floor(now.getTime() / 1000));
    expect(cache.get('a', now)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
