import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

import { MetricsRegistry } from './metrics.registry.js';

/** Times every HTTP request; the route is the path without ids, to keep label counts small. */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsRegistry) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stop = this.metrics.httpDuration.startTimer({ method: request.method });
    response.on('finish', () => {
      stop({ route: routeLabel(request.originalUrl), status: String(response.statusCode) });
    });
    next();
  }
}

export function routeLabel(url: string): string {
  const path = url.split('?')[0] ?? '/';
  if (path.startsWith('/admin/')) return '/admin/*';
  return path.replace(/\/[0-9a-f-]{8,}(?=\/|$)/gi, '/:id').replace(/\/\d+(?=\/|$)/g, '/:n');
}
