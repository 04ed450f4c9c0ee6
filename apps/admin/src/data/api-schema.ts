import { buildSchema, introspectionFromSchema, type IntrospectionSchema } from 'graphql';

// The API's schema as `npm run schema` writes it (an API test fails while it differs from the
// code), taken into the bundle at build time.
import schemaText from '../../../api/schema.gql?raw';

/**
 * What react-admin's GraphQL provider would otherwise ask the API for by introspection, which
 * production turns off (GRAPHQL_INTROSPECTION): the console carries the schema it was built with.
 */
export function apiSchema(): IntrospectionSchema {
  return introspectionFromSchema(buildSchema(schemaText)).__schema;
}
