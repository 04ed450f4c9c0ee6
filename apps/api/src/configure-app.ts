import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** What every instance of the HTTP face needs, in production and in tests alike. */
export function configureApp(app: NestExpressApplication): void {
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  // Documents arrive base64-encoded inside GraphQL (20 MB files → ~27 MB of JSON).
  app.useBodyParser('json', { limit: '30mb' });
  app.disable('x-powered-by');
}
