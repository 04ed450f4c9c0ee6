/** What came back for one request; `failure` when no HTTP answer came at all. */
export interface FuzzResponse {
  status: number;
  text: string;
  ms: number;
  failure?: 'timeout' | 'connection';
}

/** Text that must never reach a client: stack frames, SQL and the driver's words, file paths. */
const LEAKS: readonly [string, RegExp][] = [
  ['stack trace', /\bat [\w$.<>[\] ]+ \(?[^\s()]*:\d+:\d+\)?|"stacktrace"/],
  [
    'SQL text',
    /SELECT |INSERT INTO|UPDATE "|relation "|syntax error at|QueryFailedError|duplicate key|violates [a-z ]*constraint|invalid input syntax|\bpg_|unterminated quoted/,
  ],
  ['file path', /\/work\/|node_modules|\.ts:\d|\.js:\d|dist\/apps|dist\/libs/],
];

/** The error codes of a GraphQL body; "non-json" when the body is not JSON. */
export function errorCodes(text: string): string[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return ['non-json'];
  }
  const bodies = Array.isArray(body) ? body : [body];
  const codes: string[] = [];
  for (const one of bodies) {
    const errors = (one as { errors?: { extensions?: { code?: unknown } }[] } | null)?.errors;
    if (!Array.isArray(errors)) continue;
    for (const error of errors) codes.push(String(error?.extensions?.code ?? 'no-code'));
  }
  return codes;
}

/** Every rule of the suite this response breaks, one line each; empty when it is fine. */
export function problemsOf(response: FuzzResponse): string[] {
  if (response.failure === 'timeout') return [`no answer within ${Math.round(response.ms)} ms`];
  if (response.failure === 'connection') return ['connection failed: the API is down'];
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`HTTP ${response.status}`);
  if (errorCodes(response.text).includes('INTERNAL_SERVER_ERROR')) problems.push('INTERNAL_SERVER_ERROR');
  for (const [what, pattern] of LEAKS) {
    const match = pattern.exec(response.text);
    if (match) problems.push(`${what} in the body: "${match[0]}"`);
  }
  return problems;
}
