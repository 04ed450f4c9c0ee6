import { type DynamicModule, Module } from '@nestjs/common';

import {
  AppConfig,
  AppConfigModule,
  ClockModule,
  DatabaseModule,
  HealthModule,
  LoggingModule,
  MetricsModule,
} from '@dondoc/platform';

import { GraphqlApiModule } from './graphql/graphql-api.module.js';
import { SystemModule } from './system/system.module.js';

/** The HTTP face: GraphQL, health, metrics. Each domain adds its resolvers module here. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule.forRoot(config.logLevel, 'api'),
        MetricsModule.forRoot('api'),
        ClockModule,
        DatabaseModule.forRoot({ applicationName: 'dondoc-api' }),
        HealthModule,
        GraphqlApiModule.forRoot(config),
        SystemModule,
      ],
    };
  }
}
