import { Body, Controller, HttpCode, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';

import {
  BROWSER_SESSION_PATH,
  type BrowserSession,
  type BrowserSessionRequest,
  BrowserSessions,
  CSRF_COOKIE,
  CSRF_COOKIE_OPTIONS,
  CSRF_HEADER,
  REFRESH_COOKIE,
  REFRESH_COOKIE_OPTIONS,
  type RequestOrigin,
} from '@dondoc/identity';

import { ClientAddress } from '../auth/current-caller.decorator.js';
import { readCookie } from '../http/cookies.js';
import { JsonErrorFilter } from '../http/json-error.filter.js';
import { SignInBody } from './sign-in.body.js';

/** What the console receives: the access token for its memory and who signed in. */
export interface BrowserSessionBody {
  accessToken: string;
  user: {
    id: string;
    email: string;
    name: string;
    roles: string[];
    organization: { id: string; name: string } | null;
  };
}

/**
 * The console's sessions in a browser (the GraphQL login/refresh/logout stay for API
 * clients). The refresh token travels only as an HttpOnly cookie on this path; the answers
 * carry the access token. Refusals are JSON errors (JsonErrorFilter): 401 no or ended session,
 * 403 a foreign origin or a missing CSRF token, 429 throttled.
 */
@Controller(BROWSER_SESSION_PATH.slice(1))
@UseFilters(JsonErrorFilter)
export class BrowserSessionController {
  constructor(private readonly sessions: BrowserSessions) {}

  /** Sign-in with e-mail and password; sets the refresh and CSRF cookies. */
  @Post('session')
  @HttpCode(200)
  async signIn(
    @Body() { email, password }: SignInBody,
    @ClientAddress() address: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BrowserSessionBody> {
    return started(response, await this.sessions.login(originOf(request), email, password, address));
  }

  /** A new access token for the cookie's session; the cookie is rotated. */
  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BrowserSessionBody> {
    return started(response, await this.sessions.refresh(sessionRequestOf(request)));
  }

  /** Ends the cookie's session and clears both cookies. */
  @Post('logout')
  @HttpCode(200)
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ ended: boolean }> {
    const ended = await this.sessions.logout(sessionRequestOf(request));
    // Same name, path and attributes, expired (Express drops the max-age when clearing).
    response
      .clearCookie(REFRESH_COOKIE, REFRESH_COOKIE_OPTIONS)
      .clearCookie(CSRF_COOKIE, CSRF_COOKIE_OPTIONS)
      .set('Cache-Control', 'no-store');
    return { ended };
  }
}

function started(response: Response, session: BrowserSession): BrowserSessionBody {
  response
    .cookie(REFRESH_COOKIE, session.refreshToken, REFRESH_COOKIE_OPTIONS)
    .cookie(CSRF_COOKIE, session.csrfToken, CSRF_COOKIE_OPTIONS)
    // A token in the body: no cache may keep it.
    .set('Cache-Control', 'no-store');
  const { user, organization } = session;
  return {
    accessToken: session.accessToken,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      organization: organization && { id: organization.id, name: organization.name },
    },
  };
}

function originOf(request: Request): RequestOrigin {
  return {
    origin: request.get('origin'),
    referer: request.get('referer'),
    requestedOrigin: `${request.protocol}://${request.get('host') ?? ''}`,
  };
}

function sessionRequestOf(request: Request): BrowserSessionRequest {
  return {
    ...originOf(request),
    refreshCookie: readCookie(request, REFRESH_COOKIE),
    csrfCookie: readCookie(request, CSRF_COOKIE),
    csrfHeader: request.get(CSRF_HEADER),
  };
}
