import 'reflect-metadata';

import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';

import { exitOnStartupError, prepareRuntime, stopOnSignal } from '@dondoc/platform';

import { listenEarly } from './operations/listen-early.js';
import { WorkerModule } from './worker.module.js';

async function main(): Promise<void> {
  const runtime = await prepareRuntime(process.env, {
    role: 'attach',
    migrate: true,
    log: (message) => console.log(message),
  });
  const { config } = runtime;
  const app = await NestFactory.create<NestExpressApplication>(WorkerModule.forRoot(config), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  // Nest holds its log lines until the bootstrap is done, and that waits for Redis: a worker
  // started without Redis must say so now.
  app.flushLogs();
  app.disable('x-powered-by');

  // Health and metrics answer from here on, also while the bootstrap below waits for Redis.
  await listenEarly(app.getHttpServer(), config.workerPort, config.workerHost);
  logger.log(
    `Dondoc worker: /health, /health/ready and /metrics on ${config.workerHost}:${config.workerPort}`,
    'Bootstrap',
  );

  // Until the bootstrap is done no job is in hand (it ends as soon as Redis answers), and closing
  // BullMQ workers that never reached Redis does not return: a signal then simply stops.
  const stopBeforeStart = (signal: NodeJS.Signals) => {
    logger.log(`${signal} before Redis answered: stopping`, 'Bootstrap');
    void runtime.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stopBeforeStart).once('SIGTERM', stopBeforeStart);
  await app.init();
  process.off('SIGINT', stopBeforeStart).off('SIGTERM', stopBeforeStart);

  // Closing the application closes the BullMQ workers, which finish the job in hand first.
  stopOnSignal(app, runtime, (signal) =>
    logger.log(`${signal}: finishing the job in hand, then stopping`, 'Bootstrap'),
  );
  logger.log('Dondoc worker started: processing background jobs', 'Bootstrap');
}

main().catch(exitOnStartupError);
