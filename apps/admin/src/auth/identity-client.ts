/**
 * The API's browser sessions (/auth/session, /auth/refresh, /auth/logout), over plain fetch:
 * they run before any access token exists. The refresh token travels only in an HttpOnly
 * cookie the page never sees; refresh and logout echo the readable CSRF cookie in a header.
 */

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  organization: { id: string; name: string } | null;
}

/** What sign-in and refresh answer; the page keeps it in memory only. */
export interface AuthPayload {
  accessToken: string;
  user: SessionUser;
}

export interface IdentityClient {
  login(email: string, password: string): Promise<AuthPayload>;
  /** A new access token for the session cookie (which the server rotates). */
  refresh(): Promise<AuthPayload>;
  logout(): Promise<void>;
  /** Whether this browser holds a session to refresh: its readable CSRF cookie is there. */
  hasSession(): boolean;
}

/** A failed Identity call: the error's `extensions.code` when there is one. */
export class IdentityError extends Error {
  readonly code: string | undefined;

  constructor(message: string, code?: string) {
    super(message);
    this.name = 'IdentityError';
    this.code = code;
  }
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** Names the server gives them (libs/identity/src/browser-session.ts). */
export const CSRF_COOKIE = 'dondoc_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

interface ErrorBody {
  errors?: { message: string; extensions?: { code?: string } }[];
}

export function createIdentityClient({
  url = '/auth',
  // Called through a wrapper: the browser's fetch refuses to run as a method of another object.
  fetch = (input, init) => globalThis.fetch(input, init),
  readCookies = () => globalThis.document?.cookie ?? '',
}: {
  url?: string;
  fetch?: Fetch;
  /** The page's cookies as `document.cookie` lists them. */
  readCookies?: () => string;
} = {}): IdentityClient {
  function csrfToken(): string | null {
    for (const part of readCookies().split(';')) {
      const [name, ...value] = part.trim().split('=');
      if (name === CSRF_COOKIE && value.length > 0) return decodeURIComponent(value.join('='));
    }
    return null;
  }

  async function post<T>(path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    // Read at the moment of sending: another tab may have rotated the session since.
    const csrf = csrfToken();
    if (csrf) headers[CSRF_HEADER] = csrf;
    let response: Response;
    try {
      response = await fetch(`${url}/${path}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new IdentityError('ra.notification.http_error', 'NETWORK_ERROR');
    }
    const answer = (await response.json().catch(() => null)) as (ErrorBody & T) | null;
    const error = answer?.errors?.[0];
    if (error) throw new IdentityError(error.message, error.extensions?.code);
    if (!response.ok || answer === null) {
      throw new IdentityError('ra.notification.http_error', `HTTP_${response.status}`);
    }
    return answer;
  }

  return {
    login: (email, password) => post<AuthPayload>('session', { email, password }),
    refresh: () => post<AuthPayload>('refresh'),
    logout: async () => {
      await post<{ ended: boolean }>('logout');
    },
    hasSession: () => csrfToken() !== null,
  };
}
