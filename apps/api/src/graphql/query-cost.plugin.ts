import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

import type { DomainException, GraphqlLimits } from '@dondoc/platform';

import type { RequestContext } from '../auth/request-context.js';
import { localeOf } from '../common/graphql-error.filter.js';
import { hasMoreTokensThan } from './count-tokens.js';
import { measureOperation } from './measure-operation.js';
import { checkQueryLimits, tooManyTokens } from './query-too-complex.js';

/**
 * Refuses an operation over a token, depth, alias, field or cost limit before any resolver
 * runs. It measures in `didResolveOperation`, the first hook where Apollo holds the parsed and
 * validated document, the chosen operation and the request's variables (a page size may come
 * from a variable). The refusal is a 400 with `QUERY_TOO_COMPLEX`, in the caller's language.
 */
export function queryCostPlugin(limits: GraphqlLimits): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, operation, request, contextValue }) {
          // No operation (or an ambiguous name) is answered by Apollo itself.
          if (!operation) return Promise.resolve();
          const refusal = checkQueryLimits(
            measureOperation(schema, document, operation, request.variables ?? {}),
            limits,
          );
          if (!refusal) return Promise.resolve();
          throw asGraphqlError(refusal, localeOf(contextValue));
        },

        didEncounterErrors({ errors, source, contextValue }) {
          // Parsing stops at `parseOptions.maxTokens` with graphql-js's English syntax error;
          // the caller hears which limit instead. Apollo formats this same array next, and no
          // earlier hook may fail the request cleanly, so the error is replaced in place.
          const index = errors.findIndex((error) => error.extensions.code === 'GRAPHQL_PARSE_FAILED');
          if (index >= 0 && source !== undefined && hasMoreTokensThan(source, limits.maxTokens)) {
            (errors as GraphQLError[])[index] = asGraphqlError(
              tooManyTokens(limits.maxTokens),
              localeOf(contextValue),
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}

function asGraphqlError(refusal: DomainException, locale: 'vi' | 'en'): GraphQLError {
  return new GraphQLError(refusal.messageIn(locale), {
    extensions: { code: refusal.code, ...refusal.details, http: { status: 400 } },
  });
}
