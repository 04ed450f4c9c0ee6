import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

import { exitOnStartupError, prepareRuntime } from '@dondoc/platform';

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

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Closing the context closes the BullMQ workers, which finish the job in hand first.
    logger.log(`${signal}: finishing the job in hand, then stopping`, 'Bootstrap');
    await app.close().catch(() => undefined);
    await runtime.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch(exitOnStartupError);
