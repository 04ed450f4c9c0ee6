// One GraphQL call as the soak sees it: timed, and its failure named by one code — the
// GraphQL `extensions.code` when the server gave one, `HTTP_<status>` when it answered
// without one, `NETWORK` when no answer came (a killed process, a refused connection).

const REQUEST_TIMEOUT_MS = 30_000;

/** The code of a failed answer, or null for a success. */
export function failureCode(status, body) {
  const code = body?.errors?.[0]?.extensions?.code;
  if (code) return String(code);
  if (status < 200 || status >= 300) return `HTTP_${status}`;
  if (body?.errors?.length) return 'GRAPHQL_ERROR';
  if (!body || body.data === undefined || body.data === null) return 'NO_DATA';
  return null;
}

/**
 * A GraphQL endpoint; `call` resolves (never rejects) to
 * `{ ok, data, code, message, ms, startedAt }`.
 */
export function graphqlClient(url) {
  const call = async (query, variables, token) => {
    const startedAt = Date.now();
    const started = performance.now();
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      let body = null;
      try {
        body = JSON.parse(text);
      } catch {
        // A balancer's HTML error page: the status says it.
      }
      const ms = performance.now() - started;
      const code = failureCode(response.status, body);
      if (code) {
        return { ok: false, code, message: body?.errors?.[0]?.message ?? text.slice(0, 200), ms, startedAt };
      }
      return { ok: true, data: body.data, ms, startedAt };
    } catch (error) {
      const ms = performance.now() - started;
      const code = error?.name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'NETWORK';
      return { ok: false, code, message: String(error?.cause?.code ?? error?.message), ms, startedAt };
    }
  };
  /** The same call, throwing on failure: for seeding, where nothing may fail. */
  const must = async (query, variables, token) => {
    const result = await call(query, variables, token);
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    return result.data;
  };
  return { url, call, must };
}

export const LOGIN =
  'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id organization { id } } } }';
