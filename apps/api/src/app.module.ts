import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';

import { DirectivesModule } from '@dondoc/directives';
import { IdentityModule, SessionRevocationsModule } from '@dondoc/identity';

import {
  AppConfig,
  AppConfigModule,
  type Clock,
  ClockModule,
  DatabaseModule,
  HealthModule,
  LoggingModule,
  MetricsModule,
  OutboxModule,
  RequestBudgetMiddleware,
} from '@dondoc/platform';

import { AssignmentsApiModule } from './assignments/assignments-api.module.js';
import { AuditApiModule } from './audit/audit-api.module.js';
import { CommonApiModule } from './common/common-api.module.js';
import { ExportsApiModule } from './exports/exports-api.module.js';
import { PermissionGuard } from './auth/permission.guard.js';
import { FirstRun } from './bootstrap/first-run.js';
import { GraphqlErrorFilter } from './common/graphql-error.filter.js';
import { GraphqlApiModule } from './graphql/graphql-api.module.js';
import { limitHeapGrowth } from './heap-growth.js';
import { IdentityApiModule } from './identity/identity-api.module.js';
import { NotificationsApiModule } from './notifications/notifications-api.module.js';
import { OrganizationsApiModule } from './organizations/organizations-api.module.js';
import { OversightApiModule } from './oversight/oversight-api.module.js';
import { QueueBoardModule } from './queue-board/queue-board.module.js';
import { SystemModule } from './system/system.module.js';

/** The HTTP face: GraphQL, health, metrics. Each domain adds its resolvers module here. */
@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig, options: { clock?: Clock } = {}): DynamicModule {
    // The API's own process only: under jest the process is the test runner's, shared by suites.
    if (config.nodeEnv !== 'test') limitHeapGrowth();
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule.forRoot(config.logLevel, 'api'),
        MetricsModule.forRoot('api'),
        ClockModule.forRoot(options.clock),
        DatabaseModule.forRoot({ applicationName: 'dondoc-api', serialQueries: true, budget: 'request' }),
        HealthModule,
        GraphqlApiModule.forRoot(config),
        IdentityModule,
        // This face authenticates requests: it hears of sessions ended in any process.
        SessionRevocationsModule,
        DirectivesModule,
        OutboxModule,
        CommonApiModule,
        SystemModule,
        IdentityApiModule,
        OrganizationsApiModule,
        AuditApiModule,
        AssignmentsApiModule,
        NotificationsApiModule,
        OversightApiModule,
        ExportsApiModule,
        QueueBoardModule,
      ],
      providers: [
        // Deny by default: every GraphQL operation passes this guard.
        { provide: APP_GUARD, useClass: PermissionGuard },
        { provide: APP_FILTER, useClass: GraphqlErrorFilter },
        FirstRun,
      ],
    };
  }

  /** Every request that reaches the database runs under its own time and connection budget. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestBudgetMiddleware).forRoutes('graphql', 'exports/*path', 'auth/*path');
  }
}
