import type { RequestHandler } from 'express';
import helmet from 'helmet';

import type { AppConfig } from '@dondoc/platform';

/**
 * The Content-Security-Policy of everything the API serves: the console, the queue board and
 * GraphQL alike. The console is a Vite build whose scripts are files of its own origin, never
 * inline. Styles need 'unsafe-inline' because MUI's emotion writes its styles into <style>
 * elements at run time (a static page has no per-request nonce to give it), and the queue
 * board (bull-board) sets `style=` attributes; script injection stays closed, which is what
 * the policy is for. Nothing comes from a third party: the board's link to Google Fonts is
 * taken out of its page (queue-board/without-third-party-fonts.ts). Images take data: and
 * blob: (inline SVG and previews of files being imported).
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Security headers on every response (helmet): the CSP above, `frame-ancestors 'none'` and
 * X-Frame-Options DENY (no framing, so no click-jacking), nosniff, no referrer, and HSTS only
 * when the public address is https (an http deployment must not pin browsers to https).
 */
export function securityHeaders(config: AppConfig): RequestHandler {
  const https = config.appUrl.startsWith('https:');
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CONTENT_SECURITY_POLICY, ...(https ? { 'upgrade-insecure-requests': [] } : {}) },
    },
    frameguard: { action: 'deny' },
    // One year, this host only: other services under the same parent domain may still be http.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
}
