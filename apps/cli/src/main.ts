import 'reflect-metadata';

import { CommandFactory } from 'nest-commander';

import { exitOnStartupError, loadConfig, prepareRuntime, type Runtime } from '@dondoc/platform';

import { ADMIN_COMMANDS, CliModule, OFFLINE_COMMANDS } from './cli.module.js';

async function main(): Promise<void> {
  const command = process.argv[2];
  const named = command !== undefined && !command.startsWith('-') && command !== 'help';
  const admin = named && ADMIN_COMMANDS.has(command);
  const database = named && !admin && !OFFLINE_COMMANDS.has(command);
  const runtime: Runtime =
    database || admin
      ? await prepareRuntime(process.env, {
          // In zero-configuration mode the CLI uses the API's embedded database when the API
          // runs, and otherwise starts it itself and stops it when done.
          role: 'auto',
          // Seeding needs the tables; `migrate` reports what it applied itself; `db roles`
          // comes before the owner can migrate.
          migrate: database && command !== 'migrate',
          log: (message) => process.stderr.write(`${message}\n`),
        })
      : { config: loadConfig(process.env), stop: async () => undefined };
  try {
    await CommandFactory.run(CliModule.forRoot(runtime.config, { database }), {
      logger: ['error', 'warn'],
      // Usage errors (unknown command, missing argument)…
      errorHandler: (error) => {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
      },
      // …and errors thrown by a command: one line on stderr, exit code 1.
      serviceErrorHandler: (error) => {
        process.stderr.write(`${error.message.split('\n')[0]}\n`);
        process.exitCode = 1;
      },
    });
  } finally {
    await runtime.stop();
  }
}

main().catch(exitOnStartupError);
