import type { ApolloServerPlugin } from '@apollo/server';
import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';

import type { RequestContext } from '../auth/request-context.js';
import { INTERNAL_ERROR_MESSAGES, localeOf } from '../common/graphql-error.filter.js';

/**
 * graphql-js stops coercing variables after 50 bad values with an error that has no code, so
 * Apollo would call it internal; it is the caller's input at fault.
 */
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables/;
const TOO_MANY_INVALID_VALUES = {
  vi: 'Quá nhiều giá trị không hợp lệ trong các biến của yêu cầu (dừng sau 50 lỗi)',
  en: 'Too many invalid values in the request variables (stopped after 50 errors)',
} as const;
/** graphql-js ends a message with its guesses: `… Did you mean "allUsers"?`. */
const SUGGESTION = / ?Did you mean .+\?$/s;
/** graphql-js quotes a refused variable whole ("got invalid value …"): a megabyte sent as a date would come back as a megabyte of error. */
const MAX_MESSAGE = 1_000;

/**
 * The last line of the single error path, and the only place that shapes what leaves:
 * - whatever reaches the response as an internal error (or with no code at all) leaves with
 *   the generic message in the caller's language, its own words only in the log. Errors of
 *   resolvers pass `GraphqlErrorFilter` first (root and field resolvers alike); this catches
 *   what bypasses Nest, such as a throw inside a scalar or a plugin;
 * - "Did you mean …" guesses are taken out when `hideSuggestions` (introspection off): they
 *   would hand out the schema a name at a time, and Apollo's own option
 *   (`hideSchemaDetailsFromClientErrors`) misses those made while coercing variables;
 * - no message is longer than MAX_MESSAGE characters.
 */
export function outgoingErrorsPlugin(options: {
  hideSuggestions: boolean;
}): ApolloServerPlugin<RequestContext> {
  const logger = new Logger('GraphqlOutgoingErrors');

  const shape = (error: GraphQLFormattedError, locale: 'vi' | 'en'): GraphQLFormattedError => {
    const code = error.extensions?.code;
    if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
      if (TOO_MANY_VARIABLE_ERRORS.test(error.message)) {
        return { message: TOO_MANY_INVALID_VALUES[locale], extensions: { code: 'BAD_USER_INPUT' } };
      }
      if (error.message !== INTERNAL_ERROR_MESSAGES.vi && error.message !== INTERNAL_ERROR_MESSAGES.en) {
        logger.error(`unfiltered error at ${(error.path ?? []).join('.') || '(request)'}: ${error.message}`);
      }
      return {
        message: INTERNAL_ERROR_MESSAGES[locale],
        ...(error.path ? { path: error.path } : {}),
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    let message = options.hideSuggestions ? error.message.replace(SUGGESTION, '') : error.message;
    if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE)}…`;
    return message === error.message ? error : { ...error, message };
  };

  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return Promise.resolve();
          const errors = response.body.singleResult.errors;
          if (!errors) return Promise.resolve();
          const locale = localeOf(contextValue);
          response.body.singleResult.errors = errors.map((error) => shape(error, locale));
          return Promise.resolve();
        },
      });
    },
  };
}
