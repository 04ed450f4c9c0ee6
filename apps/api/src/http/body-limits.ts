import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

import type { AuthService, Caller } from '@dondoc/identity';
import { type AppConfig, databaseFailureAsDomainError } from '@dondoc/platform';

import { localeOf } from '../common/graphql-error.filter.js';

/** The error code of a body over its limit, as GraphQL errors carry codes. */
export const PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE';

/** Bodies of callers without a valid access token: sign-in, refresh, a query or two. */
export const ANONYMOUS_BODY_LIMIT = 100 * 1024;
/** Documents arrive base64-encoded inside GraphQL (20 MB files → ~27 MB of JSON). */
export const SIGNED_IN_BODY_LIMIT = 30 * 1024 * 1024;

/**
 * Parses JSON bodies with a limit chosen by who sends them: an anonymous caller gets a small
 * one, a caller with a valid access token the upload limit. The token is checked first (an
 * HMAC, cached per token), and the declared Content-Length against the limit before a byte of
 * the body is read; a body without a length, or a compressed one, is cut off as soon as it
 * passes the limit. Over the limit: HTTP 413 with a GraphQL-shaped error naming the limit.
 * The caller found here is kept on the request, so the permission guard does not verify twice.
 * Checking the token reads its session: when the database cannot answer, the caller gets the
 * GraphQL-shaped UNAVAILABLE (HTTP 503) the resolvers give, not Express's HTML error page.
 */
export function bodyLimits(auth: AuthService, config: AppConfig): RequestHandler {
  const anonymous = express.json({ limit: ANONYMOUS_BODY_LIMIT });
  const signedIn = express.json({ limit: SIGNED_IN_BODY_LIMIT });
  return (request: Request, response: Response, next: NextFunction) => {
    void callerOf(auth, request).then(
      (caller) => {
        const limit = caller ? SIGNED_IN_BODY_LIMIT : ANONYMOUS_BODY_LIMIT;
        const declared = Number(request.get('content-length'));
        if (Number.isFinite(declared) && declared > limit) return tooLarge(request, response, limit);
        const parse = caller ? signedIn : anonymous;
        parse(request, response, (error?: unknown) => {
          if (isTooLarge(error)) return tooLarge(request, response, limit);
          next(error);
        });
      },
      (error: unknown) => {
        const known = databaseFailureAsDomainError(error, config.statementTimeoutMs);
        if (!known) return next(error);
        response
          .status(503)
          .set('Cache-Control', 'no-store')
          .json({
            errors: [
              { message: known.messageIn(localeOf({ req: request })), extensions: { code: known.code } },
            ],
          });
      },
    );
  };
}

async function callerOf(auth: AuthService, request: Request & { caller?: Caller }): Promise<Caller | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(request.get('authorization') ?? '');
  if (!match?.[1]) return null;
  const caller = await auth.authenticate(match[1]);
  if (caller) request.caller = caller;
  return caller;
}

function isTooLarge(error: unknown): boolean {
  return (error as { type?: unknown } | undefined)?.type === 'entity.too.large';
}

function tooLarge(request: Request, response: Response, limit: number): void {
  const locale = localeOf({ req: request });
  const message =
    locale === 'en'
      ? `The request is too large: at most ${formatBytes(limit, 'en')} per request${limit === ANONYMOUS_BODY_LIMIT ? ' before signing in' : ''}`
      : `Yêu cầu quá lớn: tối đa ${formatBytes(limit, 'vi')} mỗi yêu cầu${limit === ANONYMOUS_BODY_LIMIT ? ' khi chưa đăng nhập' : ''}`;
  // The rest of an oversized body is read off and dropped by Node, never buffered.
  response
    .status(413)
    .json({ errors: [{ message, extensions: { code: PAYLOAD_TOO_LARGE, limitBytes: limit } }] });
}

/** The limit in KB or MB, digits grouped as each language writes them (1,024 KB / 1.024 KB). */
function formatBytes(bytes: number, locale: 'vi' | 'en'): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : [bytes / 1024, 'KB'];
  return `${value.toLocaleString(locale === 'en' ? 'en-US' : 'vi-VN')} ${unit}`;
}
