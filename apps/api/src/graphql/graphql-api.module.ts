import { join } from 'node:path';

import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';

import type { AppConfig } from '@dondoc/platform';

import { inputGuardPlugin } from './input-guard.plugin.js';
import { noStorePlugin } from './no-store.plugin.js';
import { outgoingErrorsPlugin } from './outgoing-errors.plugin.js';
import { queryCostPlugin } from './query-cost.plugin.js';

/** Where the code-first schema is written, so every schema change shows in a diff. */
export const SCHEMA_FILE = join(process.cwd(), 'apps/api/schema.gql');

@Module({})
export class GraphqlApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: GraphqlApiModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          // Development writes the schema for review; tests compare against it; production never writes.
          autoSchemaFile: config.nodeEnv === 'development' ? SCHEMA_FILE : true,
          sortSchema: true,
          playground: false,
          // Off in production unless GRAPHQL_INTROSPECTION=true: the console carries its schema.
          introspection: config.graphqlIntrospection,
          // No automatic persisted queries: the console sends whole documents, and a cache of
          // queries keyed by client-chosen hashes is one more thing a stranger can fill.
          persistedQueries: false,
          hideSchemaDetailsFromClientErrors: !config.graphqlIntrospection,
          includeStacktraceInErrorResponses: false,
          context: ({ req }: { req: unknown }) => ({ req }),
          // Errors of field resolvers pass the same exception filter as root ones (one error path).
          fieldResolverEnhancers: ['filters'],
          // A hostile document is cut off while parsing; the rest of its cost is measured next.
          parseOptions: { maxTokens: config.graphqlLimits.maxTokens },
          plugins: [
            // The same no-store header without instrumenting every field of every request.
            ApolloServerPluginCacheControlDisabled(),
            noStorePlugin(),
            // Cheapest refusals first: the operation's cost, then its values.
            queryCostPlugin(config.graphqlLimits),
            inputGuardPlugin(),
            outgoingErrorsPlugin({ hideSuggestions: !config.graphqlIntrospection }),
          ],
        }),
      ],
    };
  }
}
