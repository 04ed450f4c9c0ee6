import { Command, CommandRunner, Option } from 'nest-commander';

import { DEMO_PASSWORD, DemoUsers } from '@dondoc/identity';
import { konTum2019Gazetteer } from '@dondoc/ingestion';
import { OrganizationSeeder } from '@dondoc/organizations';

interface SeedOptions {
  demo?: boolean;
}

/** `npm run cli -- seed [--demo]`: the province's bodies, and with --demo the demo logins. Idempotent. */
@Command({
  name: 'seed',
  description: 'Load the Kon Tum organizations of 2019 (and with --demo the demo users)',
})
export class SeedCommand extends CommandRunner {
  constructor(
    private readonly organizations: OrganizationSeeder,
    private readonly demoUsers: DemoUsers,
  ) {
    super();
  }

  async run(_: string[], options: SeedOptions): Promise<void> {
    const summary = await this.organizations.seed(konTum2019Gazetteer.entries);
    process.stdout.write(
      `Organizations: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged.\n`,
    );
    if (options.demo) {
      const created = await this.demoUsers.ensure();
      process.stdout.write(
        created.length > 0
          ? `Demo users created (password "${DEMO_PASSWORD}"): ${created.join(', ')}\n`
          : 'Demo users already exist.\n',
      );
    }
  }

  @Option({ flags: '--demo', description: 'Also create the demo users (never in production)' })
  parseDemo(): boolean {
    return true;
  }
}
