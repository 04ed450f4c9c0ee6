import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';

import { exitOnStartupError, prepareRuntime, type Runtime, stopOnSignal } from '@dondoc/platform';

import { AppModule } from './app.module.js';
import { FirstRun } from './bootstrap/first-run.js';
import { configureApp } from './configure-app.js';

/** Set once the database is there: a start that fails after it stops the embedded one. */
let started: Runtime | undefined;

async function main(): Promise<void> {
  const runtime = await prepareRuntime(process.env, {
    role: 'owner',
    migrate: true,
    log: (message) => console.log(message),
  });
  started = runtime;
  const { config } = runtime;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  const consoleBuilt = configureApp(app);
  await app.get(FirstRun).prepare();
  await app.listen(config.port, '0.0.0.0');

  const logger = app.get(Logger);
  logger.log(
    `Dondoc API on ${config.appUrl}: GraphQL at /graphql, console at /admin${consoleBuilt ? '' : ' (not built)'}` +
      (config.zeroConfig ? ', zero-configuration mode (embedded PostgreSQL under DATA_DIR)' : ''),
    'Bootstrap',
  );

  stopOnSignal(app, runtime, (signal) => logger.log(`${signal}: shutting down`, 'Bootstrap'));
}

main().catch((error: unknown) => exitOnStartupError(error, started));
