import type { IntrospectionSchema } from 'graphql';

// Computed from apps/api/schema.gql when the console is built (api-introspection.ts).
import introspection from 'virtual:api-introspection';

/**
 * What react-admin's GraphQL provider would otherwise ask the API for by introspection, which
 * production turns off (GRAPHQL_INTROSPECTION): the console carries the schema it was built with.
 */
export function apiSchema(): IntrospectionSchema {
  return introspection;
}
