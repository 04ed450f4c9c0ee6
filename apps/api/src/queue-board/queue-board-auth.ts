import type { NextFunction, Request, RequestHandler, Response } from 'express';

import { ACCESS_TOKEN_SECONDS, type AuthService, Role } from '@dondoc/identity';

import { QUEUE_BOARD_PATH } from './queue-board.js';

/** The board's session: the access token itself, sent back only to the board's own path. */
export const QUEUE_BOARD_COOKIE = 'dondoc_queue_board';
const TOKEN_PARAMETER = 'access_token';

/**
 * Administrators only. The token comes from `Authorization: Bearer …` (scripts), or from the
 * board's cookie (a browser). A browser navigating to the board cannot send a header, so the
 * console links to it with `?access_token=…`: that token is exchanged for an HttpOnly,
 * SameSite=Strict cookie scoped to the board, and the browser is sent to the same address
 * without it, so the token does not stay in the address bar or the history.
 * No token, or an invalid or expired one: 401. Signed in without the ADMIN role: 403.
 */
export function queueBoardAuth(auth: AuthService): RequestHandler {
  return async (request: Request, response: Response, next: NextFunction) => {
    const fromQuery = queryToken(request);
    const token = bearerToken(request) ?? fromQuery ?? cookieToken(request);
    const caller = token ? await auth.authenticate(token) : null;
    if (!caller) {
      response.clearCookie(QUEUE_BOARD_COOKIE, { path: QUEUE_BOARD_PATH });
      response
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .type('text/plain; charset=utf-8')
        .send('Sign in as an administrator: open the queue board from the console');
      return;
    }
    if (!caller.hasRole(Role.ADMIN)) {
      response.status(403).type('text/plain; charset=utf-8').send('The queue board is for administrators');
      return;
    }
    if (fromQuery !== null) {
      response.cookie(QUEUE_BOARD_COOKIE, fromQuery, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.secure,
        path: QUEUE_BOARD_PATH,
        maxAge: ACCESS_TOKEN_SECONDS * 1000,
      });
      response.set('Referrer-Policy', 'no-referrer').redirect(303, withoutToken(request.originalUrl));
      return;
    }
    next();
  };
}

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.get('authorization') ?? '');
  return match?.[1] ?? null;
}

function queryToken(request: Request): string | null {
  const value = new URLSearchParams(request.originalUrl.split('?')[1] ?? '').get(TOKEN_PARAMETER);
  return value ? value : null;
}

function cookieToken(request: Request): string | null {
  for (const part of (request.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === QUEUE_BOARD_COOKIE && value.length > 0) return decodeURIComponent(value.join('='));
  }
  return null;
}

function withoutToken(originalUrl: string): string {
  const url = new URL(originalUrl, 'http://board.invalid');
  url.searchParams.delete(TOKEN_PARAMETER);
  return `${url.pathname}${url.search}`;
}
