import {
  type ArgumentsHost,
  BadRequestException,
  Catch,
  type ExceptionFilter,
  HttpException,
  Injectable,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';

import { AppConfig, databaseFailureAsDomainError, DomainErrorCode, DomainException } from '@dondoc/platform';

import { INTERNAL_ERROR_MESSAGES, localeOf } from '../common/graphql-error.filter.js';

/** The HTTP status of each domain failure, for endpoints that answer plain JSON. */
const STATUS: Record<DomainErrorCode, number> = {
  [DomainErrorCode.UNAUTHENTICATED]: 401,
  [DomainErrorCode.FORBIDDEN]: 403,
  [DomainErrorCode.NOT_FOUND]: 404,
  [DomainErrorCode.BAD_USER_INPUT]: 400,
  [DomainErrorCode.CONFLICT]: 409,
  [DomainErrorCode.TOO_MANY_REQUESTS]: 429,
  [DomainErrorCode.TIMEOUT]: 503,
  [DomainErrorCode.UNAVAILABLE]: 503,
  [DomainErrorCode.QUERY_TOO_COMPLEX]: 400,
};

/**
 * Errors of the REST endpoints as JSON in the shape GraphQL errors have
 * (`{ errors: [{ message, extensions: { code, … } }] }`), so a client reads one shape: a
 * domain error keeps its code and details with the matching status, in the caller's language;
 * anything unforeseen is logged and answered as a generic internal error.
 */
@Catch()
@Injectable()
export class JsonErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(JsonErrorFilter.name);

  constructor(private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const locale = localeOf({ req: request });
    const known =
      exception instanceof DomainException
        ? exception
        : databaseFailureAsDomainError(exception, this.config.statementTimeoutMs);
    if (known) {
      const retryAfter = known.details.retryAfterSeconds;
      if (typeof retryAfter === 'number') response.set('Retry-After', String(retryAfter));
      return send(response, STATUS[known.code], known.messageIn(locale), {
        code: known.code,
        ...known.details,
      });
    }
    if (exception instanceof BadRequestException) {
      // Lines with a Vietnamese wording when there are (validation-exception.ts), else the English ones.
      const body = exception.getResponse() as { message?: unknown; messageVi?: unknown };
      const lines = locale === 'vi' && Array.isArray(body.messageVi) ? body.messageVi : body.message;
      const detail = Array.isArray(lines) ? lines.map(String).join('; ') : exception.message;
      const message = locale === 'en' ? `Invalid input: ${detail}` : `Dữ liệu không hợp lệ: ${detail}`;
      return send(response, 400, message, { code: DomainErrorCode.BAD_USER_INPUT });
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return send(response, exception.getStatus(), exception.message, { code: 'BAD_REQUEST' });
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    send(response, 500, INTERNAL_ERROR_MESSAGES[locale], { code: 'INTERNAL_SERVER_ERROR' });
  }
}

function send(
  response: Response,
  status: number,
  message: string,
  extensions: Record<string, unknown>,
): void {
  response
    .status(status)
    .set('Cache-Control', 'no-store')
    .json({ errors: [{ message, extensions }] });
}
