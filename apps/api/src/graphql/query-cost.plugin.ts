import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

import type { GraphqlLimits } from '@dondoc/platform';

import type { RequestContext } from '../auth/request-context.js';
import { localeOf } from '../common/graphql-error.filter.js';
import { measureOperation } from './measure-operation.js';
import { checkQueryLimits } from './query-too-complex.js';

/**
 * Refuses an operation over a depth, alias, field or cost limit before any resolver runs.
 * It measures in `didResolveOperation`, the first hook where Apollo holds the parsed and
 * validated document, the chosen operation and the request's variables (a page size may
 * come from a variable). The refusal is a 400 with `QUERY_TOO_COMPLEX`, in the caller's
 * language from `Accept-Language`: the caller is only authenticated later, by the guard.
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
          throw new GraphQLError(refusal.messageIn(localeOf(contextValue)), {
            extensions: { code: refusal.code, ...refusal.details, http: { status: 400 } },
          });
        },
      });
    },
  };
}
