import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Where `npm run build` puts the console. */
export const CONSOLE_DIR = join(process.cwd(), 'apps/admin/dist');

/**
 * The build's files under assets/ carry a hash of their content in their name: a browser may
 * keep them for good (a new build has new names; index.html, which names them, is never cached).
 */
const FOR_GOOD = 'public, max-age=31536000, immutable';
const ONE_YEAR_MS = 365 * 24 * 3600 * 1000;

/** The copies the build writes beside each text asset (apps/admin/precompress.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  json: 'application/json; charset=utf-8',
};
/** One file name, no folders (so nothing outside assets/ can be named), of a type above. */
const ASSET_NAME = /^\/([\w-]+(?:\.[\w-]+)*\.(js|css|svg|json))$/;

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
  app.use('/admin/assets', (request: Request, response: Response, next: NextFunction) =>
    sendCompressed(join(dir, 'assets'), request, response, next),
  );
  app.useStaticAssets(dir, {
    prefix: '/admin',
    index: 'index.html',
    setHeaders: (response: Response, path: string) => {
      response.setHeader('Cache-Control', path.startsWith(join(dir, 'assets')) ? FOR_GOOD : 'no-cache');
    },
  });
  app.use('/admin', (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/queues') || /\.\w+$/.test(request.path))
      return next();
    response.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
  });
  return true;
}

/**
 * The build's brotli or gzip copy of an asset when the browser takes that encoding and the copy
 * exists (1.2 MB of JavaScript is 0.3 MB in brotli); otherwise the plain file, served next.
 */
function sendCompressed(assets: string, request: Request, response: Response, next: NextFunction): void {
  const asset = ASSET_NAME.exec(request.path);
  if ((request.method !== 'GET' && request.method !== 'HEAD') || !asset) return next();
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const encodings = ENCODINGS.filter(({ name }) => new RegExp(`\\b${name}\\b`).test(accepted));
  // Caches keep one copy per encoding, whether or not this answer is compressed.
  response.vary('Accept-Encoding');
  const attempt = (i: number): void => {
    const encoding = encodings[i];
    if (!encoding) return next();
    response.sendFile(
      join(assets, asset[1]! + encoding.suffix),
      {
        maxAge: ONE_YEAR_MS,
        immutable: true,
        headers: { 'Content-Type': TYPES[asset[2]!]!, 'Content-Encoding': encoding.name },
      },
      (error?: Error & { code?: string }) => {
        if (!error) return;
        // No such copy (small files have none): the next encoding, then the plain file.
        if (
          !response.headersSent &&
          (error.code === 'ENOENT' || (error as { status?: number }).status === 404)
        )
          return attempt(i + 1);
        if (!response.headersSent) next(error);
      },
    );
  };
  attempt(0);
}
