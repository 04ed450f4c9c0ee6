import { Command, CommandRunner } from 'nest-commander';

import { AppConfig, migrationUrlOf, runMigrations } from '@dondoc/platform';

/** Applies pending migrations as the owner role (MIGRATION_DATABASE_URL, else DATABASE_URL). */
@Command({ name: 'migrate', description: 'Apply every pending database migration' })
export class MigrateCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const { applied } = await runMigrations(migrationUrlOf(this.config));
    process.stdout.write(
      applied.length === 0
        ? 'The database is up to date.\n'
        : `Applied ${applied.length} migration(s):\n${applied.map((name) => `  ${name}\n`).join('')}`,
    );
  }
}
