/**
 * When a JWT expires, in seconds since the epoch, read from its payload's `exp`.
 * The signature is not checked: the server does that; the console only needs to
 * know when to refresh. Anything that is not a JWT with a numeric `exp` gives null.
 */
export function decodeJwtExpiry(token: string): number | null {
  const segments = token.split('.');
  if (segments.length !== 3 || !segments[1]) return null;
  try {
    const payload: unknown = JSON.parse(decodeBase64Url(segments[1]));
    if (typeof payload !== 'object' || payload === null || !('exp' in payload)) {
      return null;
    }
    const { exp } = payload;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp : null;
  } catch {
    return null;
  }
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
