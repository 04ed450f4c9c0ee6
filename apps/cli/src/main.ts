import 'reflect-metadata';

import { CommandFactory } from 'nest-commander';

import { exitOnStartupError, prepareRuntime } from '@dondoc/platform';

import { CliModule } from './cli.module.js';

async function main(): Promise<void> {
  const runtime = await prepareRuntime(process.env, {
    // In zero-configuration mode the CLI uses the API's embedded database when the API
    // runs, and otherwise starts it itself and stops it when done.
    role: 'auto',
    migrate: false,
    log: (message) => process.stderr.write(`${message}\n`),
  });
  try {
    await CommandFactory.run(CliModule.forRoot(runtime.config), {
      logger: ['error', 'warn'],
      errorHandler: (error) => {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
      },
    });
  } finally {
    await runtime.stop();
  }
}

main().catch(exitOnStartupError);
