import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AppConfig, ConfigException } from '../config/app-config.js';
import { limitConnectionsPerRequest } from './budgeted-connections.js';
import { buildDataSourceOptions, databaseUrlOf } from './data-source-options.js';
import { checkSessionSettings, explainConnectFailure } from './session-settings.js';

export interface DatabaseModuleOptions {
  /** application_name in pg_stat_activity: which face holds a connection. */
  applicationName: string;
  poolSize?: number;
  /** See `DataSourceSettings.serialQueries`. */
  serialQueries?: boolean;
  /**
   * Which budget this face runs under: `request` (the API: `STATEMENT_TIMEOUT_MS` per statement
   * and each request's connection share, see `RequestBudget`) or `background` (worker, CLI:
   * `BACKGROUND_STATEMENT_TIMEOUT_MS`).
   */
  budget: 'request' | 'background';
}

/** The TypeORM data source of a face; entities come from each lib's `forFeature`. */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    // What the connections must run under, checked once they are open.
    let expected = { statementTimeoutMs: 0, pooled: false };
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => {
            expected = {
              statementTimeoutMs:
                options.budget === 'request'
                  ? config.statementTimeoutMs
                  : config.backgroundStatementTimeoutMs,
              pooled: config.databasePooler !== 'none',
            };
            return {
              ...buildDataSourceOptions({
                url: databaseUrlOf(config),
                poolSize:
                  options.poolSize ?? (options.budget === 'request' ? config.databasePoolSize : undefined),
                applicationName: options.applicationName,
                serialQueries: options.serialQueries,
                ...expected,
              }),
              autoLoadEntities: true,
              // Start even when PostgreSQL is briefly down; requests get 503 until it is back.
              retryAttempts: 3,
              retryDelay: 1_000,
              // A setting that is wrong stays wrong: say so once.
              toRetry: (error: unknown) => !(error instanceof ConfigException),
            };
          },
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('DatabaseModule: no data source options');
            const dataSource = await new DataSource(dataSourceOptions)
              .initialize()
              .catch((error: unknown) => {
                throw explainConnectFailure(error);
              });
            // 0 sets nothing (no limit, or the role's own): nothing to check either.
            if (expected.statementTimeoutMs > 0) {
              await checkSessionSettings(dataSource, expected.statementTimeoutMs, expected.pooled).catch(
                async (error: unknown) => {
                  await dataSource.destroy();
                  throw error;
                },
              );
            }
            return options.budget === 'request' ? limitConnectionsPerRequest(dataSource) : dataSource;
          },
        }),
      ],
    };
  }
}
