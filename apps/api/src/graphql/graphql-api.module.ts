import { join } from 'node:path';

import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';

import type { AppConfig } from '@dondoc/platform';

import { noStorePlugin } from './no-store.plugin.js';
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
          introspection: true,
          includeStacktraceInErrorResponses: false,
          context: ({ req }: { req: unknown }) => ({ req }),
          // A hostile document is cut off while parsing; the rest of its cost is measured next.
          parseOptions: { maxTokens: config.graphqlLimits.maxTokens },
          // The same no-store header without instrumenting every field of every request.
          plugins: [
            ApolloServerPluginCacheControlDisabled(),
            noStorePlugin(),
            queryCostPlugin(config.graphqlLimits),
          ],
        }),
      ],
    };
  }
}
