import type { RedisOptions } from 'ioredis';

/**
 * What every BullMQ key starts with, by default (QUEUE_PREFIX). The braces make it a Redis
 * Cluster hash tag: every key of every queue lands in one slot, which BullMQ's multi-key Lua
 * scripts need on a cluster; on a single Redis or behind Sentinel they change nothing.
 */
export const DEFAULT_QUEUE_PREFIX = '{dondoc}';

const DEFAULT_PORT = 6379;
const DEFAULT_SENTINEL_PORT = 26379;

/** The forms REDIS_URL takes, for error messages and the README. */
export const REDIS_URL_FORMS =
  'redis://[user:password@]host[:6379][/db], rediss://… (TLS) or ' +
  'redis+sentinel://[user:password@]host1[:26379],host2[:26379]/master[/db][?sentinelPassword=…]';

/** Where and how to connect; what to do when the connection drops is up to each user. */
export type RedisUrlOptions = Omit<RedisOptions, 'retryStrategy'>;

/** A REDIS_URL that cannot be used; the message names the variable and never the password. */
export class RedisUrlError extends Error {
  constructor(problem: string) {
    super(`REDIS_URL ${problem}`);
    this.name = 'RedisUrlError';
  }
}

/**
 * ioredis options from REDIS_URL, shared by BullMQ, the health check and the queue board:
 * - `redis://` and `rediss://` (TLS, checked against the host name): one Redis;
 * - `redis+sentinel://`: Sentinel finds the master named after the host list, and ioredis
 *   follows a failover on its own. The user and password are the Redis nodes'; sentinels that
 *   ask for a password of their own get it from `sentinelPassword`.
 */
export function redisOptionsFromUrl(url: string): RedisUrlOptions {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'redis+sentinel') return sentinelOptions(url);
  if (scheme !== 'redis' && scheme !== 'rediss') {
    throw new RedisUrlError(
      scheme === undefined
        ? `is not a valid URL (expected ${REDIS_URL_FORMS})`
        : `must start with redis://, rediss:// or redis+sentinel://, got "${scheme}://"`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisUrlError(`is not a valid URL (expected ${REDIS_URL_FORMS})`);
  }
  if (parsed.hostname === '') throw new RedisUrlError('has no host');
  if (parsed.search !== '') throw new RedisUrlError('takes no query parameters (only Sentinel URLs do)');
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    port: parsed.port ? Number(parsed.port) : DEFAULT_PORT,
    ...credentials(parsed.username, parsed.password),
    db: database(parsed.pathname),
    // SNI and certificate check against the name the operator wrote, not a resolved address.
    tls: scheme === 'rediss' ? (isIpAddress(host) ? {} : { servername: host }) : undefined,
  };
}

/** The URL with its passwords masked, for log lines. */
export function redactUrl(url: string): string {
  return url
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, '$1***@')
    .replace(/([?&]sentinelPassword=)[^&#]*/i, '$1***');
}

function sentinelOptions(url: string): RedisUrlOptions {
  const match =
    /^redis\+sentinel:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?#@]+)\/([^/?#]+)(?:\/([^/?#]*))?(?:\?([^#]*))?$/i.exec(
      url,
    );
  if (!match) {
    throw new RedisUrlError(
      'names its Sentinel hosts, then the master: redis+sentinel://host1:26379,host2:26379/mymaster[/db]',
    );
  }
  const [, user = '', password = '', hostList = '', masterName = '', db = '', query = ''] = match;
  const sentinels = hostList.split(',').map((entry) => sentinelAddress(entry.trim()));
  const params = new URLSearchParams(query);
  const unknown = [...params.keys()].filter((key) => key !== 'sentinelPassword');
  if (unknown.length > 0) {
    throw new RedisUrlError(`takes only the query parameter sentinelPassword, got "${unknown.join('", "')}"`);
  }
  const sentinelPassword = params.get('sentinelPassword') ?? undefined;
  return {
    sentinels,
    name: decode(masterName, 'master name'),
    ...credentials(user, password),
    db: database(db === '' ? '' : `/${db}`),
    ...(sentinelPassword ? { sentinelPassword } : {}),
  };
}

function sentinelAddress(entry: string): { host: string; port: number } {
  const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]\s]+))(?::(\d+))?$/i.exec(entry);
  if (!match) throw new RedisUrlError(`has a Sentinel host that is not host[:port]: "${entry}"`);
  const host = match[1] ?? match[2] ?? '';
  return { host, port: match[3] === undefined ? DEFAULT_SENTINEL_PORT : port(match[3]) };
}

function port(text: string): number {
  const number = Number(text);
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    throw new RedisUrlError(`has a port out of range (1–65535): ${text}`);
  }
  return number;
}

function database(pathname: string): number {
  if (pathname === '' || pathname === '/') return 0;
  const text = pathname.slice(1);
  if (!/^\d{1,5}$/.test(text)) throw new RedisUrlError(`names a database that is not a number: "${text}"`);
  return Number(text);
}

function credentials(user: string, password: string): Pick<RedisOptions, 'username' | 'password'> {
  return {
    username: user ? decode(user, 'user name') : undefined,
    password: password ? decode(password, 'password') : undefined,
  };
}

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new RedisUrlError(`has a ${what} that is not URL-encoded properly (write % as %25)`);
  }
}

function isIpAddress(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
