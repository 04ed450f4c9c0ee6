/**
 * A small GraphQL client for the operations that are not lists (the dashboard, the import
 * wizard, the assignment's actions): the lists go through ra-data-graphql-simple. The
 * `fetch` it is given adds the caller's bearer token (auth/session-fetch.ts).
 */
export class GraphqlRequestError extends Error {
  readonly code: string | undefined;
  readonly extensions: Record<string, unknown>;

  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = 'GraphqlRequestError';
    this.extensions = extensions;
    this.code = typeof extensions.code === 'string' ? extensions.code : undefined;
  }
}

export type GraphqlRequest = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export function createGraphqlClient({
  url,
  fetch,
}: {
  url: string;
  /** Sends with the caller's token and renews it once when refused. */
  fetch: (input: string, init: RequestInit) => Promise<Response>;
}): GraphqlRequest {
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
    };
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    } catch {
      throw new GraphqlRequestError('ra.notification.http_error', { code: 'NETWORK_ERROR' });
    }
    const body = (await response.json().catch(() => null)) as {
      data?: T | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    } | null;
    const error = body?.errors?.[0];
    if (error) throw new GraphqlRequestError(error.message, error.extensions);
    if (!response.ok || !body?.data) {
      throw new GraphqlRequestError('ra.notification.http_error', { code: `HTTP_${response.status}` });
    }
    return body.data;
  };
}
