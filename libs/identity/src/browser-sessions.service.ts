import { Injectable } from '@nestjs/common';

import { ALL_ORGANIZATIONS, type Organization, OrganizationsService } from '@dondoc/organizations';
import { AppConfig, DomainErrorCode, DomainException } from '@dondoc/platform';

import { AuthService, type Session } from './auth.service.js';
import {
  csrfRefused,
  CsrfRefusal,
  csrfTokenFor,
  csrfTokenMatches,
  isAllowedOrigin,
  type RequestOrigin,
} from './browser-session.js';

/** A session as a browser receives it: the body's part and the two cookies' values. */
export interface BrowserSession extends Session {
  csrfToken: string;
  /** The user's organization, for the console's header; null if it has gone. */
  organization: Organization | null;
}

/** What a refresh or logout request carries: where it comes from, and its cookies and header. */
export interface BrowserSessionRequest extends RequestOrigin {
  refreshCookie?: string;
  csrfCookie?: string;
  csrfHeader?: string;
}

const NO_SESSION = () =>
  new DomainException(DomainErrorCode.UNAUTHENTICATED, {
    en: 'No session in this browser: sign in',
    vi: 'Trình duyệt này chưa có phiên làm việc: vui lòng đăng nhập',
  });

/**
 * Sign-in, refresh and logout for the console in a browser, on top of AuthService's rules
 * (throttle, rotation, reuse detection): this adds only the checks a cookie needs. Every
 * request must come from a page of this application; refresh and logout must also echo the
 * session's CSRF token.
 */
@Injectable()
export class BrowserSessions {
  constructor(
    private readonly auth: AuthService,
    private readonly organizations: OrganizationsService,
    private readonly config: AppConfig,
  ) {}

  /** The origin is checked too: another site must not sign a browser in to its own account. */
  async login(
    request: RequestOrigin,
    email: string,
    password: string,
    address: string,
  ): Promise<BrowserSession> {
    this.assertOrigin(request);
    return this.forBrowser(await this.auth.login(email, password, address));
  }

  async refresh(request: BrowserSessionRequest): Promise<BrowserSession> {
    const refreshToken = this.assertSameSite(request);
    return this.forBrowser(await this.auth.refresh(refreshToken));
  }

  /** True when a session was ended; false when the browser had none. */
  async logout(request: BrowserSessionRequest): Promise<boolean> {
    this.assertOrigin(request);
    if (!request.refreshCookie) return false;
    return this.auth.logout(this.assertSameSite(request));
  }

  /** The refresh token, once the request has shown it comes from the console itself. */
  private assertSameSite(request: BrowserSessionRequest): string {
    this.assertOrigin(request);
    // No cookie at all is simply no session; only a session needs its CSRF token checked.
    if (!request.refreshCookie) throw NO_SESSION();
    if (!csrfTokenMatches(request.refreshCookie, this.secret(), request.csrfCookie, request.csrfHeader)) {
      throw csrfRefused(CsrfRefusal.CSRF_TOKEN_MISMATCH);
    }
    return request.refreshCookie;
  }

  private assertOrigin(request: RequestOrigin): void {
    if (!isAllowedOrigin(request, this.config.appUrl)) throw csrfRefused(CsrfRefusal.FOREIGN_ORIGIN);
  }

  private async forBrowser(session: Session): Promise<BrowserSession> {
    const organization = await this.organizations
      .findByIds(ALL_ORGANIZATIONS, [session.user.organizationId])
      .then((found) => found[0] ?? null);
    return { ...session, csrfToken: csrfTokenFor(session.refreshToken, this.secret()), organization };
  }

  private secret(): string {
    if (!this.config.jwtSecret) throw new Error('JWT_SECRET is not configured');
    return this.config.jwtSecret;
  }
}
