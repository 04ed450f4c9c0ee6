import { createHash, timingSafeEqual } from 'node:crypto';

import { Controller, Get, Headers, Res } from '@nestjs/common';
import type { Response } from 'express';

import { AppConfig } from '../config/app-config.js';
import { MetricsRegistry } from './metrics.registry.js';

/**
 * Prometheus text format, for the scraper only. With METRICS_TOKEN set, a scrape sends it as
 * `Authorization: Bearer …` (anything else: 401). Without it, production answers 404: an
 * address on the network is no proof of being the scraper, since a reverse proxy on the same
 * host makes every caller look local. Development and tests keep /metrics open.
 */
@Controller('metrics')
export class MetricsController {
  private readonly expected: Buffer | null;

  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly config: AppConfig,
  ) {
    this.expected = config.metricsToken === null ? null : digest(config.metricsToken);
  }

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    if (this.expected === null && this.config.nodeEnv === 'production') {
      response
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('Not found: set METRICS_TOKEN to scrape metrics');
      return;
    }
    if (this.expected !== null && !this.allows(authorization)) {
      response
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .type('text/plain; charset=utf-8')
        .send('Send the metrics token: Authorization: Bearer <METRICS_TOKEN>');
      return;
    }
    response
      .status(200)
      .type('text/plain; version=0.0.4; charset=utf-8')
      .send(await this.metrics.registry.metrics());
  }

  private allows(authorization: string | undefined): boolean {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    // Digests of equal length, compared in constant time: the token leaks nothing by timing.
    return token !== undefined && this.expected !== null && timingSafeEqual(digest(token), this.expected);
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
