import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

import { exitOnStartupError, prepareRuntime, stopOnSignal } from '@dondoc/platform';

import { WorkerModule } from './worker.module.js';

async function main(): Promise<void> {
  const runtime = await prepareRuntime(process.env, {
    role: 'attach',
    migrate: true,
    log: (message) => console.log(message),
  });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime.config), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  logger.log('Dondoc worker started: processing background jobs', 'Bootstrap');

  // Closing the context closes the BullMQ workers, which finish the job in hand first.
  stopOnSignal(app, runtime, (signal) =>
    logger.log(`${signal}: finishing the job in hand, then stopping`, 'Bootstrap'),
  );
}

main().catch(exitOnStartupError);
