import type { ApolloServerPlugin } from '@apollo/server';

/** graphql-js ends a message with its guesses: `… Did you mean "allUsers"?`. */
const SUGGESTION = / ?Did you mean .+\?$/s;

/**
 * Takes graphql-js's "Did you mean …" guesses out of every error, where introspection is off:
 * the guesses would hand out the schema a name at a time. Apollo's own option
 * (`hideSchemaDetailsFromClientErrors`) covers validation only; a wrong enum value in the
 * variables is reported while coercing them, so it is covered here, on the way out.
 */
export function noSuggestionsPlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          if (response.body.kind !== 'single') return Promise.resolve();
          for (const error of response.body.singleResult.errors ?? []) {
            // The formatted error is a plain object whose message is ours to shorten.
            (error as { message: string }).message = error.message.replace(SUGGESTION, '');
          }
          return Promise.resolve();
        },
      });
    },
  };
}
