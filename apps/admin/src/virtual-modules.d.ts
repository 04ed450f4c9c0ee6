// Modules that Vite plugins of vite.config.ts make at build time.
declare module 'virtual:api-introspection' {
  import type { IntrospectionSchema } from 'graphql';

  const introspection: IntrospectionSchema;
  export default introspection;
}
