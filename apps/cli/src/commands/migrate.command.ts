import { Command, CommandRunner } from 'nest-commander';

import { AppConfig, runMigrations } from '@dondoc/platform';

@Command({ name: 'migrate', description: 'Apply every pending database migration' })
export class MigrateCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const { applied } = await runMigrations(this.config.databaseUrl as string);
    process.stdout.write(
      applied.length === 0
        ? 'The database is up to date.\n'
        : `Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}\n`).join('')}`,
    );
  }
}
