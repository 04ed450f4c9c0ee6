import { createHmac, timingSafeEqual } from 'node:crypto';

import { DomainErrorCode, DomainException } from '@dondoc/platform';

import { REFRESH_TOKEN_DAYS } from './auth.service.js';

/**
 * Sessions of the console in a browser. The refresh token never reaches script: it lives in
 * an HttpOnly cookie sent only to the session endpoints (`/auth/…`); the access token is
 * returned in the body and kept in the page's memory. A second cookie, readable by the page,
 * carries a CSRF token the page echoes in a header (double submit): another site can make
 * the browser send the cookies but cannot read one to put it in the header.
 */

/** The endpoints' own path, and the refresh cookie's: no other request carries it. */
export const BROWSER_SESSION_PATH = '/auth';
export const REFRESH_COOKIE = 'dondoc_refresh';
export const CSRF_COOKIE = 'dondoc_csrf';
/** Lower case: how Node names incoming headers. */
export const CSRF_HEADER = 'x-csrf-token';

/** The attributes of a cookie, in the shape Express's `response.cookie` takes. */
export interface SessionCookieOptions {
  httpOnly: boolean;
  secure: true;
  sameSite: 'strict';
  path: string;
  /** Milliseconds, as Express counts them (it writes Max-Age in seconds). */
  maxAge: number;
}

const REFRESH_LIFE_MS = REFRESH_TOKEN_DAYS * 86_400_000;

/**
 * Secure always: browsers keep Secure cookies from https pages and from http://localhost
 * (and 127.0.0.1), so the zero-configuration start works; any other http address must be
 * served over https for the console to stay signed in across reloads.
 */
export const REFRESH_COOKIE_OPTIONS: SessionCookieOptions = {
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  path: BROWSER_SESSION_PATH,
  maxAge: REFRESH_LIFE_MS,
};

/** Readable by the console's pages (served under /admin), hence the whole site as its path. */
export const CSRF_COOKIE_OPTIONS: SessionCookieOptions = {
  httpOnly: false,
  secure: true,
  sameSite: 'strict',
  path: '/',
  maxAge: REFRESH_LIFE_MS,
};

/**
 * The CSRF token of a refresh token: an HMAC of it under the server's secret. Bound to the
 * session, so a cookie planted by a neighbouring subdomain (which could set the readable
 * cookie but not know the HttpOnly one) does not pass.
 */
export function csrfTokenFor(refreshToken: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${refreshToken}`).digest('base64url');
}

/** True when the header, the readable cookie and the refresh cookie's HMAC all agree. */
export function csrfTokenMatches(
  refreshToken: string,
  secret: string,
  cookie: string | undefined,
  header: string | undefined,
): boolean {
  if (!cookie || !header || !sameText(cookie, header)) return false;
  return sameText(header, csrfTokenFor(refreshToken, secret));
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Where a browser request says it comes from, and the address it was sent to. */
export interface RequestOrigin {
  /** The Origin header, which browsers send on every POST from script. */
  origin?: string;
  /** Used only when there is no Origin (the console's pages send no referrer anyway). */
  referer?: string;
  /** The origin the request was addressed to: its scheme and Host header. */
  requestedOrigin?: string;
}

/**
 * The request comes from a page of this application: its Origin (or, lacking one, its
 * Referer) is APP_URL's origin or the origin the request itself was sent to. The second
 * accepts the console opened at another name of the same server (127.0.0.1 for localhost,
 * Vite's dev server proxying to the API); another site cannot make a browser send a Host
 * that names this server along with an Origin that names itself. A request naming neither
 * is refused: every browser sends Origin on a POST made by script.
 */
export function isAllowedOrigin(request: RequestOrigin, appUrl: string): boolean {
  const claimed = originOf(request.origin) ?? originOf(request.referer);
  if (!claimed) return false;
  const allowed = [originOf(appUrl), originOf(request.requestedOrigin)].filter(Boolean);
  return allowed.includes(claimed);
}

function originOf(url: string | undefined): string | null {
  if (!url || url === 'null') return null;
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** Why a browser session request was refused: the JSON error's `reason`. */
export enum CsrfRefusal {
  /** Sent from a page of another origin, or naming none. */
  FOREIGN_ORIGIN = 'FOREIGN_ORIGIN',
  /** The X-CSRF-Token header is missing or does not match the session's token. */
  CSRF_TOKEN_MISMATCH = 'CSRF_TOKEN_MISMATCH',
}

export function csrfRefused(reason: CsrfRefusal): DomainException {
  return new DomainException(
    DomainErrorCode.FORBIDDEN,
    reason === CsrfRefusal.FOREIGN_ORIGIN
      ? {
          en: 'Refused: this request does not come from a page of this application',
          vi: 'Bị từ chối: yêu cầu không xuất phát từ trang của ứng dụng này',
        }
      : {
          en: 'Refused: the request lacks the session’s CSRF token (X-CSRF-Token)',
          vi: 'Bị từ chối: yêu cầu thiếu mã chống giả mạo (X-CSRF-Token) của phiên làm việc',
        },
    { reason },
  );
}
