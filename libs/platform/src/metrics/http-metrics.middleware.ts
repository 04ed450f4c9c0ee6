import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

import { MetricsRegistry } from './metrics.registry.js';

/** The label of every request that no route or mount of ours answered. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Times every HTTP request. The route label is the route that answered, never the raw path:
 * a client choosing paths (random ones, ids, assets) must not be able to grow the label set.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsRegistry) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stop = this.metrics.httpDuration.startTimer({ method: request.method });
    response.on('finish', () => {
      stop({ route: routeLabel(request), status: String(response.statusCode) });
    });
    next();
  }
}

/** What `routeLabel` reads of a finished request. */
export interface AnsweredRequest {
  originalUrl: string;
  baseUrl?: string;
  /** Set by Express on the request when a route (a Nest controller method) matched it. */
  route?: { path?: unknown };
}

/**
 * The matched route (`/exports/:id/file`, `/health/ready`), else the mount that serves a
 * prefix (GraphQL, the queue board, the console and its assets), else `unmatched`.
 */
export function routeLabel(request: AnsweredRequest): string {
  const path = request.originalUrl.split('?')[0] ?? '/';
  // The board is an Express app of its own whose inner routes are not ours to list.
  if (underPrefix(path, '/admin/queues')) return '/admin/queues';
  // Nest applies middleware as catch-all routes (`{/*splat}`), which Express records too: only a
  // route without wildcards is one of our controllers' own.
  const routePath = request.route?.path;
  if (typeof routePath === 'string' && !/[*{]/.test(routePath))
    return `${request.baseUrl ?? ''}${routePath}` || '/';
  if (path === '/graphql') return '/graphql';
  if (underPrefix(path, '/admin')) return '/admin';
  return UNMATCHED_ROUTE;
}

function underPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}
