import type { ApolloServerPlugin } from '@apollo/server';

/**
 * `Cache-Control: no-store` on every GraphQL answer, as Apollo's cache-control plugin wrote it
 * (the schema declares no cache hints, so its policy was always "uncacheable"). That plugin is
 * disabled because it wraps every field resolver of every request to compute a policy that
 * could only ever be this one.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          if (!response.http.headers.has('cache-control'))
            response.http.headers.set('cache-control', 'no-store');
          return Promise.resolve();
        },
      });
    },
  };
}
