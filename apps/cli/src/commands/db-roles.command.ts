import { Command, CommandRunner } from 'nest-commander';

import { AppConfig, ensureDatabaseRoles, rolesFromUrls } from '@dondoc/platform';

/**
 * `npm run cli -- db roles`: creates the owner role (MIGRATION_DATABASE_URL), which owns the
 * schema and runs migrations, and the application role (DATABASE_URL), which the API and the
 * worker use and which may only INSERT and SELECT on the audit trail. Run with
 * DATABASE_ADMIN_URL, a superuser or CREATEROLE login, once per database; running it again is
 * harmless. In zero-configuration mode the embedded database's roles are made at every start.
 */
@Command({
  name: 'db',
  arguments: '<action>',
  argsDescription: { action: 'roles: create the owner and application roles and their grants' },
  description: 'Prepare the database',
})
export class DbRolesCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run([action]: string[]): Promise<void> {
    if (action !== 'roles') {
      process.stderr.write(`Unknown db action "${action}": the only one is "roles".\n`);
      process.exitCode = 1;
      return;
    }
    const { databaseUrl, migrationDatabaseUrl, databaseAdminUrl } = this.config;
    if (databaseUrl === null || migrationDatabaseUrl === null || databaseAdminUrl === null) {
      process.stderr.write(
        'db roles needs DATABASE_ADMIN_URL (a superuser or CREATEROLE login), MIGRATION_DATABASE_URL (the owner role) and DATABASE_URL (the application role)\n',
      );
      process.exitCode = 1;
      return;
    }
    try {
      const roles = rolesFromUrls(migrationDatabaseUrl, databaseUrl);
      const { created, reassigned } = await ensureDatabaseRoles(databaseAdminUrl, roles);
      const state = (name: string) => (created.includes(name) ? 'created' : 'already there');
      process.stdout.write(
        `Roles of database "${roles.database}" ready: owner "${roles.owner.name}" (${state(roles.owner.name)}), ` +
          `application "${roles.app.name}" (${state(roles.app.name)})` +
          (reassigned > 0 ? `; ${reassigned} object(s) given to the owner` : '') +
          '.\n',
      );
    } catch (error) {
      // nest-commander would print a thrown error without a newline and exit 0.
      process.stderr.write(`Cannot prepare the roles: ${(error as Error).message.split('\n')[0]}\n`);
      process.exitCode = 1;
    }
  }
}
