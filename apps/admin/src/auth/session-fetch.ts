import type { Fetch } from './identity-client';

/**
 * fetch for the API's GraphQL with the caller's access token. When the API answers that the
 * token is no good (HTTP 401, or a GraphQL error coded UNAUTHENTICATED — a token revoked
 * before its expiry, a clock that is off), the session is refreshed once and the request sent
 * once more; a second refusal is passed on, and the auth provider's checkError signs out.
 */
export function createSessionFetch({
  getAccessToken,
  renewAccessToken,
  fetch = (input, init) => globalThis.fetch(input, init),
}: {
  getAccessToken: () => Promise<string | null>;
  renewAccessToken: (rejected: string) => Promise<string | null>;
  fetch?: Fetch;
}): Fetch {
  return async (input, init) => {
    const accessToken = await getAccessToken();
    const answer = await fetch(input, withToken(init, accessToken));
    if (!accessToken || !(await refusesToken(answer))) return answer;
    const renewed = await renewAccessToken(accessToken);
    return renewed ? fetch(input, withToken(init, renewed)) : answer;
  };
}

function withToken(init: RequestInit, accessToken: string | null): RequestInit {
  const headers = new Headers(init.headers);
  if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
  else headers.delete('Authorization');
  return { ...init, headers };
}

/** Reads a copy of the answer, so the caller still gets the whole body. */
async function refusesToken(answer: Response): Promise<boolean> {
  if (answer.status === 401) return true;
  if (!answer.headers.get('content-type')?.includes('json')) return false;
  const text = await answer
    .clone()
    .text()
    .catch(() => '');
  // Most answers are data: parse only those that can be the refusal.
  if (!text.includes('UNAUTHENTICATED')) return false;
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] } | null;
    return body?.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ?? false;
  } catch {
    return false;
  }
}
