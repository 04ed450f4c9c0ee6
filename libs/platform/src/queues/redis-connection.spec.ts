import { redactUrl, redisOptionsFromUrl } from './redis-connection.js';

describe('redisOptionsFromUrl', () => {
  it('reads redis:// with its defaults, credentials and database', () => {
    expect(redisOptionsFromUrl('redis://127.0.0.1')).toEqual({
      host: '127.0.0.1',
      port: 6379,
      username: undefined,
      password: undefined,
      db: 0,
      tls: undefined,
    });
    expect(redisOptionsFromUrl('redis://dondoc:p%40ss%2Fword@cache.internal:6380/3')).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      username: 'dondoc',
      password: 'p@ss/word',
      db: 3,
      tls: undefined,
    });
    expect(redisOptionsFromUrl('redis://:only-a-password@[::1]:7000')).toMatchObject({
      host: '::1',
      port: 7000,
      username: undefined,
      password: 'only-a-password',
    });
  });

  it('reads rediss:// as TLS checked against the host name', () => {
    expect(redisOptionsFromUrl('rediss://user:secret@redis.example.vn:6380/1')).toMatchObject({
      host: 'redis.example.vn',
      port: 6380,
      db: 1,
      tls: { servername: 'redis.example.vn' },
    });
    expect(redisOptionsFromUrl('rediss://10.0.0.5').tls).toEqual({});
  });

  it('reads redis+sentinel:// into the sentinels and the master name', () => {
    expect(
      redisOptionsFromUrl(
        'redis+sentinel://app:s%3Acret@s1.internal:26380,s2.internal,[fd00::2]:26381/dondoc-master/2',
      ),
    ).toEqual({
      sentinels: [
        { host: 's1.internal', port: 26380 },
        { host: 's2.internal', port: 26379 },
        { host: 'fd00::2', port: 26381 },
      ],
      name: 'dondoc-master',
      username: 'app',
      password: 's:cret',
      db: 2,
    });
    expect(redisOptionsFromUrl('redis+sentinel://s1/mymaster?sentinelPassword=guard')).toMatchObject({
      sentinels: [{ host: 's1', port: 26379 }],
      name: 'mymaster',
      db: 0,
      sentinelPassword: 'guard',
    });
  });

  it.each([
    ['', /^REDIS_URL is not a valid URL/],
    ['localhost:6379', /^REDIS_URL is not a valid URL/],
    [
      'http://localhost:6379',
      /^REDIS_URL must start with redis:\/\/, rediss:\/\/ or redis\+sentinel:\/\/, got "http:\/\/"/,
    ],
    ['redis://', /^REDIS_URL (has no host|is not a valid URL)/],
    ['redis://localhost:99999', /^REDIS_URL is not a valid URL/],
    ['redis://localhost/zero', /^REDIS_URL names a database that is not a number: "zero"/],
    ['redis://localhost?family=6', /^REDIS_URL takes no query parameters/],
    ['redis+sentinel://s1:26379,s2:26379', /^REDIS_URL names its Sentinel hosts, then the master/],
    ['redis+sentinel://s1:0/mymaster', /^REDIS_URL has a port out of range/],
    [
      'redis+sentinel://s1:26379,,s2/mymaster',
      /^REDIS_URL has a Sentinel host that is not host\[:port\]: ""/,
    ],
    ['redis+sentinel://s1/mymaster/x', /^REDIS_URL names a database that is not a number/],
    ['redis+sentinel://s1/mymaster?password=x', /^REDIS_URL takes only the query parameter sentinelPassword/],
  ])('refuses %j with a line naming REDIS_URL', (url, message) => {
    expect(() => redisOptionsFromUrl(url)).toThrow(message);
  });

  it('never puts a password in its error messages', () => {
    expect(() => redisOptionsFromUrl('redis://u:hunter2@host/not-a-db')).toThrow(/^(?!.*hunter2)/);
  });
});

describe('redactUrl', () => {
  it('masks the passwords of every form', () => {
    expect(redactUrl('redis://u:hunter2@host:6379/1')).toBe('redis://u:***@host:6379/1');
    expect(redactUrl('rediss://:hunter2@host')).toBe('rediss://:***@host');
    expect(redactUrl('redis+sentinel://u:hunter2@s1,s2/m?sentinelPassword=guard')).toBe(
      'redis+sentinel://u:***@s1,s2/m?sentinelPassword=***',
    );
    expect(redactUrl('redis://host:6379')).toBe('redis://host:6379');
  });
});
