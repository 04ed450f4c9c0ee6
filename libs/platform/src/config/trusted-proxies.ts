import { isIP } from 'node:net';

/** Express's names for address ranges (proxy-addr): 127.0.0.0/8 and ::1, 169.254/16, 10/8 etc. */
export const PROXY_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'] as const;

/**
 * TRUSTED_PROXIES: the direct peers whose X-Forwarded-For is believed, as addresses, CIDR
 * ranges or Express's keywords, comma-separated. None by default: a client that reaches the
 * API directly could otherwise claim any address (login throttling counts per address).
 * Returns the entries, or pushes a problem naming the bad ones.
 */
export function readTrustedProxies(text: string | undefined, problems: string[]): string[] {
  if (text === undefined) return [];
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const bad = entries.filter((entry) => !isProxyEntry(entry));
  if (bad.length > 0) {
    problems.push(
      `TRUSTED_PROXIES must list addresses, CIDR ranges or ${PROXY_KEYWORDS.join(', ')}, comma-separated; not ${bad
        .map((entry) => `"${entry}"`)
        .join(', ')}`,
    );
    return [];
  }
  return entries;
}

function isProxyEntry(entry: string): boolean {
  if ((PROXY_KEYWORDS as readonly string[]).includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
