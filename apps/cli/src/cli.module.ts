import { type DynamicModule, Module } from '@nestjs/common';

import { FollowUpModule } from '@dondoc/assignments';
import { IdentityModule } from '@dondoc/identity';
import { OrganizationsModule } from '@dondoc/organizations';
import { AppConfig, AppConfigModule, ClockModule, DatabaseModule } from '@dondoc/platform';

import { BenchDataCommand } from './commands/bench-data.command.js';
import { DashboardCheckCommand } from './commands/dashboard-check.command.js';
import { AuditVerifyCommand } from './commands/audit-verify.command.js';
import { DbRolesCommand } from './commands/db-roles.command.js';
import { MigrateCommand } from './commands/migrate.command.js';
import { ParseCommand } from './commands/parse.command.js';
import { ScenarioCommand } from './commands/scenario.command.js';
import { SeedCommand } from './commands/seed.command.js';
import { TickCommand } from './commands/tick.command.js';

/**
 * Commands that need no database of the application (nor start the embedded one): `parse`
 * reads files only; `bench-data` creates and fills a database of its own.
 */
export const OFFLINE_COMMANDS = new Set(['parse', 'bench-data']);

/**
 * Commands that prepare the database before the application's role can log in (`db roles`):
 * the embedded database is started in zero-configuration mode, nothing connects at boot.
 */
export const ADMIN_COMMANDS = new Set(['db']);

/** The command face: the same services as the API, without HTTP. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, options: { database: boolean }): DynamicModule {
    if (!options.database) {
      return {
        module: CliModule,
        imports: [AppConfigModule.forRoot(config)],
        providers: [ParseCommand, BenchDataCommand, DbRolesCommand],
      };
    }
    return {
      module: CliModule,
      imports: [
        AppConfigModule.forRoot(config),
        ClockModule.forRoot(),
        DatabaseModule.forRoot({ applicationName: 'dondoc-cli', poolSize: 2, budget: 'background' }),
        IdentityModule,
        OrganizationsModule,
        FollowUpModule,
      ],
      providers: [
        MigrateCommand,
        ParseCommand,
        SeedCommand,
        AuditVerifyCommand,
        TickCommand,
        ScenarioCommand,
        DashboardCheckCommand,
      ],
    };
  }
}
