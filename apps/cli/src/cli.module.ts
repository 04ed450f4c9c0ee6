import { type DynamicModule, Module } from '@nestjs/common';

import { AppConfig, AppConfigModule, ClockModule } from '@dondoc/platform';

import { MigrateCommand } from './commands/migrate.command.js';

/** The command face: the same services as the API, without HTTP. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [AppConfigModule.forRoot(config), ClockModule],
      providers: [MigrateCommand],
    };
  }
}
