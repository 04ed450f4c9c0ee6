import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { buildSchema, introspectionFromSchema } from 'graphql';
import type { Plugin } from 'vite';

/** The API's schema as `npm run schema` writes it (an API test fails while it differs from the code). */
const SCHEMA_FILE = fileURLToPath(new URL('../api/schema.gql', import.meta.url));
const MODULE_ID = 'virtual:api-introspection';

/**
 * `import introspection from 'virtual:api-introspection'`: the answer react-admin's GraphQL
 * provider would otherwise ask the API for (production turns introspection off), computed from
 * the schema file when the console is built, so the browser neither parses the schema nor runs
 * the introspection on a cold load. Descriptions are left out: the provider does not read them.
 */
export function apiIntrospection(): Plugin {
  return {
    name: 'dondoc-api-introspection',
    resolveId: (id) => (id === MODULE_ID ? `\0${MODULE_ID}` : null),
    load(id) {
      if (id !== `\0${MODULE_ID}`) return null;
      this.addWatchFile(SCHEMA_FILE);
      const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
      const { __schema } = introspectionFromSchema(schema, { descriptions: false });
      // JSON.parse of a string literal is quicker for the browser than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(__schema))});`;
    },
  };
}
