import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { serveConsole } from './admin-console/serve-console.js';
import { validationException } from './common/validation-exception.js';
import { mountQueueBoard } from './queue-board/mount-queue-board.js';

/**
 * What every instance of the HTTP face needs, in production and in tests alike.
 * Returns whether the built console is being served.
 */
export function configureApp(app: NestExpressApplication): boolean {
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationException,
    }),
  );
  // Documents arrive base64-encoded inside GraphQL (20 MB files → ~27 MB of JSON).
  app.useBodyParser('json', { limit: '30mb' });
  app.disable('x-powered-by');
  // Behind a reverse proxy on the same host or network, the client's address comes from
  // X-Forwarded-For (login throttling counts failures per address).
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  mountQueueBoard(app);
  return serveConsole(app);
}
