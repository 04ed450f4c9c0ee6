import { type ArgumentsHost, BadRequestException, Catch, HttpException, Logger } from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';

import { AuditException, AuditExceptionCode } from '@dondoc/audit';
import { AppConfig, databaseFailureAsDomainError, DomainErrorCode, DomainException } from '@dondoc/platform';

import type { RequestContext } from '../auth/request-context.js';

/**
 * Turns every error into a GraphQL error the caller can act on: a domain error keeps its
 * code and says what was wrong in the caller's language; a validation error names the
 * fields; anything unexpected is logged and answered as a generic internal error.
 */
@Catch()
export class GraphqlErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger(GraphqlErrorFilter.name);

  constructor(private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') throw exception;
    const context = GqlArgumentsHost.create(host).getContext<RequestContext | undefined>();
    const locale = localeOf(context);

    if (exception instanceof DomainException) {
      return new GraphQLError(exception.messageIn(locale), {
        extensions: { code: exception.code, ...exception.details },
      });
    }
    if (exception instanceof AuditException && isInputProblem(exception.code)) {
      return new GraphQLError(exception.message, { extensions: { code: DomainErrorCode.BAD_USER_INPUT } });
    }
    if (exception instanceof BadRequestException) {
      return new GraphQLError(validationMessage(exception, locale), {
        extensions: { code: DomainErrorCode.BAD_USER_INPUT, fields: validationFields(exception) },
      });
    }
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return new GraphQLError(exception.message, { extensions: { code: 'BAD_REQUEST' } });
    }
    const databaseFailure = databaseFailureAsDomainError(exception, this.config.statementTimeoutMs);
    if (databaseFailure) {
      return new GraphQLError(databaseFailure.messageIn(locale), {
        extensions: { code: databaseFailure.code, ...databaseFailure.details },
      });
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return new GraphQLError(INTERNAL_ERROR_MESSAGES[locale], {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }
}

/** The only words a client ever reads about an error we did not foresee. */
export const INTERNAL_ERROR_MESSAGES = { vi: 'Lỗi hệ thống', en: 'Internal error' } as const;

function isInputProblem(code: AuditExceptionCode): boolean {
  switch (code) {
    case AuditExceptionCode.INVALID_FILTER:
    case AuditExceptionCode.INVALID_SORT_FIELD:
    case AuditExceptionCode.INVALID_SORT_ORDER:
    case AuditExceptionCode.INVALID_PAGE:
      return true;
    case AuditExceptionCode.NOT_IN_TRANSACTION:
    case AuditExceptionCode.UNSUPPORTED_ISOLATION:
    case AuditExceptionCode.INVALID_ENTRY:
      return false;
  }
}

export function localeOf(context: RequestContext | undefined): 'vi' | 'en' {
  const caller = context?.req?.caller;
  if (caller) return caller.locale;
  const header = context?.req?.headers?.['accept-language'];
  return typeof header === 'string' && /^en\b/i.test(header) ? 'en' : 'vi';
}

function validationLines(exception: BadRequestException): string[] {
  const response = exception.getResponse();
  const message =
    typeof response === 'object' && response !== null ? (response as { message?: unknown }).message : null;
  return Array.isArray(message) ? message.map(String) : [exception.message];
}

function validationFields(exception: BadRequestException): string[] {
  return [...new Set(validationLines(exception).map((line) => line.split(' ')[0] ?? ''))].filter(Boolean);
}

function validationMessage(exception: BadRequestException, locale: 'vi' | 'en'): string {
  if (locale === 'en') return `Invalid input: ${validationLines(exception).join('; ')}`;
  // Lines with a Vietnamese wording (validation-exception.ts), else the English ones.
  const response = exception.getResponse() as { messageVi?: unknown };
  const lines = Array.isArray(response.messageVi)
    ? response.messageVi.map(String)
    : validationLines(exception);
  return `Dữ liệu không hợp lệ: ${lines.join('; ')}`;
}
