import { readTrustedProxies } from './trusted-proxies.js';

describe('readTrustedProxies', () => {
  const read = (text: string | undefined) => {
    const problems: string[] = [];
    return { proxies: readTrustedProxies(text, problems), problems };
  };

  it('trusts no proxy unless told', () => {
    expect(read(undefined)).toEqual({ proxies: [], problems: [] });
    expect(read(' , ')).toEqual({ proxies: [], problems: [] });
  });

  it('takes addresses, CIDR ranges and the Express keywords', () => {
    expect(read('loopback, 10.0.0.0/8,192.168.1.7 , fd00::/8, ::1').proxies).toEqual([
      'loopback',
      '10.0.0.0/8',
      '192.168.1.7',
      'fd00::/8',
      '::1',
    ]);
  });

  it('names every entry it cannot read', () => {
    const { proxies, problems } = read('loopback, 10.0.0.0/33, proxy.local, 1.2.3.4/8/1, everything');
    expect(proxies).toEqual([]);
    expect(problems).toEqual([
      'TRUSTED_PROXIES must list addresses, CIDR ranges or loopback, linklocal, uniquelocal, comma-separated; not "10.0.0.0/33", "proxy.local", "1.2.3.4/8/1", "everything"',
    ]);
  });
});
