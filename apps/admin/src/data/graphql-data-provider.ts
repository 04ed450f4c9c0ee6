import { HttpLink } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import type { DataProvider } from 'react-admin';

import { apiSchema } from './api-schema';

/**
 * react-admin's data provider over the API's lists (`allXs`, `_allXsMeta`, `X`,
 * `createX`, … — API.md), with the caller's bearer token on every request.
 * The token is asked for per request, so a refreshed one is used at once. The schema comes
 * with the build, not from introspection (off in production).
 */
export function buildDataProvider({
  uri,
  getAccessToken,
}: {
  uri: string;
  getAccessToken: () => Promise<string | null>;
}): DataProvider {
  const link = new HttpLink({
    uri,
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      const accessToken = await getAccessToken();
      if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
      return fetch(input, { ...init, headers });
    },
  });
  return buildGraphQLProvider({ clientOptions: { link }, introspection: { schema: apiSchema() } });
}
