import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { AuthService } from '@dondoc/identity';
import { AppConfig } from '@dondoc/platform';

import { serveConsole } from './admin-console/serve-console.js';
import { validationException } from './common/validation-exception.js';
import { bodyLimits } from './http/body-limits.js';
import { securityHeaders } from './http/security-headers.js';
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
  app.use(securityHeaders(app.get(AppConfig)));
  // Before Nest's own parsers: a small limit for anonymous callers, the upload limit for others.
  app.use(bodyLimits(app.get(AuthService)));
  app.disable('x-powered-by');
  // Behind a reverse proxy on the same host or network, the client's address comes from
  // X-Forwarded-For (login throttling counts failures per address).
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  mountQueueBoard(app);
  return serveConsole(app);
}
