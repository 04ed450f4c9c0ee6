import type { Response } from 'express';

import { loadConfig } from '../config/app-config.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from './metrics.registry.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://h/db',
  JWT_SECRET: 'x'.repeat(32),
  AUDIT_KEY: 'k'.repeat(32),
};

/** Scrapes once and tells what the response said. */
async function scrape(env: Record<string, string>, authorization?: string) {
  const controller = new MetricsController(new MetricsRegistry('test'), loadConfig(env));
  const sent: { status?: number; body?: string } = {};
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    set() {
      return this;
    },
    type() {
      return this;
    },
    send(body: string) {
      sent.body = body;
      return this;
    },
  } as unknown as Response;
  await controller.scrape(authorization, response);
  return sent;
}

describe('MetricsController', () => {
  it('answers 404 in production while no METRICS_TOKEN is configured', async () => {
    expect((await scrape(PRODUCTION)).status).toBe(404);
  });

  it('asks for the token when one is configured, and answers the scraper that sends it', async () => {
    const env = { ...PRODUCTION, METRICS_TOKEN: 'a-token-of-some-length' };
    expect((await scrape(env)).status).toBe(401);
    expect((await scrape(env, 'Bearer a-token-of-some-lengtH')).status).toBe(401);
    const answered = await scrape(env, 'Bearer a-token-of-some-length');
    expect(answered.status).toBe(200);
    expect(answered.body).toMatch(/^# HELP dondoc_/m);
  });

  it('stays open in development and tests, where nothing is configured', async () => {
    expect((await scrape({})).status).toBe(200);
  });
});
