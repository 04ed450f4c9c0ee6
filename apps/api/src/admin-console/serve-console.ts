import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Where `npm run build` puts the console. */
export const CONSOLE_DIR = join(process.cwd(), 'apps/admin/dist');

/**
 * Serves the built react-admin console at /admin. Client-side routes (/admin/#/… or
 * /admin/anything) fall back to index.html; a missing build says how to make one.
 */
export function serveConsole(app: NestExpressApplication, dir = CONSOLE_DIR): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    app.use('/admin', (request: Request, response: Response, next: NextFunction) => {
      if (request.path.startsWith('/queues')) return next();
      response
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The console is not built: run npm run build');
    });
    return false;
  }
  app.useStaticAssets(dir, { prefix: '/admin', index: 'index.html', maxAge: '1h' });
  app.use('/admin', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/queues') || /\.\w+$/.test(request.path))
      return next();
    response.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
  });
  return true;
}
