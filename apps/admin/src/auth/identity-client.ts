/** The API's Identity operations (API.md), called over plain fetch: they run before any token exists. */

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
  organization: { id: string; name: string } | null;
}

export interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

export interface IdentityClient {
  login(email: string, password: string): Promise<AuthPayload>;
  refresh(refreshToken: string): Promise<AuthPayload>;
  logout(refreshToken: string): Promise<boolean>;
}

/** A failed Identity call: the GraphQL error's `extensions.code` when there is one. */
export class IdentityError extends Error {
  readonly code: string | undefined;

  constructor(message: string, code?: string) {
    super(message);
    this.name = 'IdentityError';
    this.code = code;
  }
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const AUTH_PAYLOAD = 'accessToken refreshToken user { id email name roles organization { id name } }';
const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { ${AUTH_PAYLOAD} } }`;
const REFRESH = `mutation Refresh($refreshToken: String!) { refresh(refreshToken: $refreshToken) { ${AUTH_PAYLOAD} } }`;
const LOGOUT = 'mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }';

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export function createIdentityClient({
  url,
  // Called through a wrapper: the browser's fetch refuses to run as a method of another object.
  fetch = (input, init) => globalThis.fetch(input, init),
}: {
  url: string;
  fetch?: Fetch;
}): IdentityClient {
  async function mutate<T>(field: string, query: string, variables: Record<string, unknown>): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/graphql-response+json, application/json',
        },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new IdentityError('ra.notification.http_error', 'NETWORK_ERROR');
    }
    const body = (await response.json().catch(() => null)) as GraphQLResponse | null;
    const error = body?.errors?.[0];
    if (error) throw new IdentityError(error.message, error.extensions?.code);
    const result = body?.data?.[field];
    if (!response.ok || result === undefined || result === null) {
      throw new IdentityError('ra.notification.http_error', `HTTP_${response.status}`);
    }
    return result as T;
  }

  return {
    login: (email, password) => mutate<AuthPayload>('login', LOGIN, { email, password }),
    refresh: (refreshToken) => mutate<AuthPayload>('refresh', REFRESH, { refreshToken }),
    logout: (refreshToken) => mutate<boolean>('logout', LOGOUT, { refreshToken }),
  };
}
