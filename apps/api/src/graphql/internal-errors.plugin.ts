import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';

import type { RequestContext } from '../auth/request-context.js';
import { INTERNAL_ERROR_MESSAGES, localeOf } from '../common/graphql-error.filter.js';

/**
 * The last line of the single error path: whatever reaches the response as an internal error
 * (or with no code at all) leaves with the generic message in the caller's language, and its
 * own words go to the log. Errors from resolvers pass `GraphqlErrorFilter` first (root and
 * field resolvers alike); this catches what bypasses Nest altogether, such as a throw inside
 * a scalar or a plugin, so no driver message, SQL or path ever reaches a client.
 */
/**
 * graphql-js stops coercing variables after 50 bad values with an error that has no code, so
 * Apollo would call it internal; it is the caller's input at fault.
 */
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables/;
const TOO_MANY_INVALID_VALUES = {
  vi: 'Quá nhiều giá trị không hợp lệ trong các biến của yêu cầu (dừng sau 50 lỗi)',
  en: 'Too many invalid values in the request variables (stopped after 50 errors)',
} as const;

export function internalErrorsPlugin(): ApolloServerPlugin<RequestContext> {
  const logger = new Logger('GraphqlInternalErrors');
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return Promise.resolve();
          const errors = response.body.singleResult.errors;
          if (!errors) return Promise.resolve();
          const locale = localeOf(contextValue);
          const generic = INTERNAL_ERROR_MESSAGES[locale];
          response.body.singleResult.errors = errors.map((error) => {
            const code = error.extensions?.code;
            if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') return error;
            if (TOO_MANY_VARIABLE_ERRORS.test(error.message)) {
              return { message: TOO_MANY_INVALID_VALUES[locale], extensions: { code: 'BAD_USER_INPUT' } };
            }
            if (
              error.message !== INTERNAL_ERROR_MESSAGES.vi &&
              error.message !== INTERNAL_ERROR_MESSAGES.en
            ) {
              logger.error(
                `unfiltered error at ${(error.path ?? []).join('.') || '(request)'}: ${error.message}`,
              );
            }
            return {
              message: generic,
              ...(error.path ? { path: error.path } : {}),
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            };
          });
          return Promise.resolve();
        },
      });
    },
  };
}
