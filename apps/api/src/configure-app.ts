import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { AuthService } from '@dondoc/identity';
import { AppConfig } from '@dondoc/platform';

import { serveConsole } from './admin-console/serve-console.js';
import { validationException } from './common/validation-exception.js';
import { bodyLimits } from './http/body-limits.js';
import { validateCallerInputs } from './http/caller-input-validation.js';
import { securityHeaders } from './http/security-headers.js';
import { mountQueueBoard } from './queue-board/mount-queue-board.js';

/**
 * What every instance of the HTTP face needs, in production and in tests alike.
 * Returns whether the built console is being served.
 */
export function configureApp(app: NestExpressApplication): boolean {
  // What callers send (GraphQL arguments, HTTP bodies, queries, params), not every parameter
  // of every field resolver: see validateCallerInputs.
  validateCallerInputs(
    app,
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationException,
    }),
  );
  app.use(securityHeaders(app.get(AppConfig)));
  // Before Nest's own parsers: a small limit for anonymous callers, the upload limit for others.
  app.use(bodyLimits(app.get(AuthService), app.get(AppConfig)));
  app.disable('x-powered-by');
  // The client's address (login throttling caps failures per address) comes from
  // X-Forwarded-For only when the direct peer is a proxy the operator listed: otherwise
  // anyone reaching the API could claim a new address with every request.
  const { trustedProxies } = app.get(AppConfig);
  app.set('trust proxy', trustedProxies.length > 0 ? trustedProxies : false);
  mountQueueBoard(app);
  return serveConsole(app);
}
