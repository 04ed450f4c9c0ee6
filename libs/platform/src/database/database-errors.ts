import { QueryFailedError } from 'typeorm';

import { DomainErrorCode, DomainException } from '../errors/domain.exception.js';
import { formatSeconds } from './request-budget.js';

/** SQLSTATE 57014: the statement was cancelled, here by `statement_timeout`. */
const QUERY_CANCELED = '57014';
/** SQLSTATE class 08 (connection exception), 57P01..03 (shutdown, cannot connect now). */
const UNAVAILABLE_STATES = /^(08|57P0[123])/;
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * The database failures a caller can understand, as domain errors: a statement that ran past
 * its budget, and a database that cannot be reached or has no free connection. Anything else
 * (a bug, a constraint we did not foresee) stays an internal error, logged and never shown.
 */
export function databaseFailureAsDomainError(
  error: unknown,
  statementTimeoutMs: number,
): DomainException | null {
  const code = sqlStateOf(error);
  if (code === QUERY_CANCELED) {
    const seconds = formatSeconds(statementTimeoutMs);
    return new DomainException(
      DomainErrorCode.TIMEOUT,
      {
        en: `A database step of this request ran past its budget of ${seconds.en} s and was stopped; narrow the request or try again`,
        vi: `Một bước truy vấn cơ sở dữ liệu của yêu cầu này vượt quá thời gian cho phép ${seconds.vi} giây và đã bị dừng; hãy thu hẹp yêu cầu hoặc thử lại`,
      },
      { budgetMs: statementTimeoutMs },
    );
  }
  if ((code !== undefined && UNAVAILABLE_STATES.test(code)) || isPoolOrConnectionFailure(error)) {
    return new DomainException(DomainErrorCode.UNAVAILABLE, {
      en: 'The database is busy or unreachable at the moment; try again shortly',
      vi: 'Cơ sở dữ liệu đang bận hoặc không kết nối được; vui lòng thử lại sau ít phút',
    });
  }
  return null;
}

function sqlStateOf(error: unknown): string | undefined {
  if (error instanceof QueryFailedError) {
    const driverError = error.driverError as { code?: unknown } | undefined;
    return typeof driverError?.code === 'string' ? driverError.code : undefined;
  }
  // Taking a connection is no query: when the server refuses a new session ("the database
  // system is shutting down / starting up", 57P03) node-postgres's own error comes unwrapped.
  if (typeof error === 'object' && error !== null && 'severity' in error) {
    const { code } = error as { code?: unknown };
    return typeof code === 'string' && SQLSTATE.test(code) ? code : undefined;
  }
  return undefined;
}

/** node-postgres's own words when the pool cannot hand out a connection in time, or the socket fails. */
function isPoolOrConnectionFailure(error: unknown): boolean {
  // Duck-typed: socket errors are created by Node's own realm, not always this one's `Error`.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  // When a transaction's connection is cut (a restarting server), TypeORM releases its query
  // runner, and the next statement or the ROLLBACK throws one of these in place of the
  // connection error.
  if (name === 'QueryRunnerProviderAlreadyReleasedError' || name === 'QueryRunnerAlreadyReleasedError') {
    return true;
  }
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'EPIPE')
    return true;
  return (
    typeof message === 'string' &&
    /timeout exceeded when trying to connect|Connection terminated/i.test(message)
  );
}
