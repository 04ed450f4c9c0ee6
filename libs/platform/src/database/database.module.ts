import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AppConfig } from '../config/app-config.js';
import { buildDataSourceOptions, databaseUrlOf } from './data-source-options.js';

export interface DatabaseModuleOptions {
  /** application_name in pg_stat_activity: which face holds a connection. */
  applicationName: string;
  poolSize?: number;
  /** See `DataSourceSettings.serialQueries`. */
  serialQueries?: boolean;
}

/** The TypeORM data source of a face; entities come from each lib's `forFeature`. */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions({
              url: databaseUrlOf(config),
              poolSize: options.poolSize,
              applicationName: options.applicationName,
              serialQueries: options.serialQueries,
            }),
            autoLoadEntities: true,
            // Start even when PostgreSQL is briefly down; requests get 503 until it is back.
            retryAttempts: 3,
            retryDelay: 1_000,
          }),
        }),
      ],
    };
  }
}
