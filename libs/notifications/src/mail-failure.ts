/**
 * Failures that are about the mail server, not about one message: it cannot be reached,
 * does not answer in time, refuses our login or TLS, or says it is shutting down (421).
 * The next message would fail the same way, so the mailer stops its batch at the first one.
 * A refused recipient or message (EENVELOPE, EMESSAGE with a 5xx) is the message's own.
 */
const SERVER_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EAUTH',
  'EPROTOCOL',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Longest error text kept on a notification (the column allows 1000). */
export const MAX_ERROR_LENGTH = 500;

export function isMailServerFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  return (typeof code === 'string' && SERVER_CODES.has(code)) || responseCode === 421;
}

/** One line an administrator can read: the code, then the server's or the system's words. */
export function describeMailFailure(error: unknown): string {
  const { code, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
  };
  const text = typeof message === 'string' ? message : String(error);
  const line = `${typeof code === 'string' ? `${code}: ` : ''}${text}`.replace(/\s+/g, ' ').trim();
  return line.length > MAX_ERROR_LENGTH ? `${line.slice(0, MAX_ERROR_LENGTH - 1)}…` : line;
}
