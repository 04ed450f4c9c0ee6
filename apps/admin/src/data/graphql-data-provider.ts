import { HttpLink } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import type { DataProvider } from 'react-admin';

import { apiSchema } from './api-schema';

/**
 * react-admin's data provider over the API's lists (`allXs`, `_allXsMeta`, `X`,
 * `createX`, … — API.md). The `fetch` it is given adds the caller's bearer token per request,
 * so a refreshed one is used at once (auth/session-fetch.ts). The schema comes with the build,
 * not from introspection (off in production).
 */
export function buildDataProvider({
  uri,
  fetch,
}: {
  uri: string;
  fetch: (input: string, init: RequestInit) => Promise<Response>;
}): DataProvider {
  const link = new HttpLink({
    uri,
    fetch: (input, init) => fetch(String(input), init ?? {}),
  });
  return buildGraphQLProvider({ clientOptions: { link }, introspection: { schema: apiSchema() } });
}
