import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { type Clock, loadConfig, type AppConfig } from '@dondoc/platform';

import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/configure-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { TEST_AUDIT_KEY, redisUrl } from './test-services.js';

export interface RunningApi {
  url: string;
  app: INestApplication;
  config: AppConfig;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * Boots the HTTP face on a free port against a database of its own, as production does.
 * `databaseRoles`: the API logs in as an application role of its own (see `createTestDatabase`).
 */
export async function bootApi(
  env: Record<string, string> = {},
  options: { clock?: Clock; databaseRoles?: boolean } = {},
): Promise<RunningApi> {
  // TEST_DATABASE_ROLES=1 runs every API test this way, to find a privilege the code lacks.
  const database = await createTestDatabase({
    roles: options.databaseRoles ?? process.env.TEST_DATABASE_ROLES === '1',
  });
  const config = loadConfig({
    DATABASE_URL: database.url,
    // A test that points the API at a database of its own keeps one login for it.
    ...(database.ownerUrl && env.DATABASE_URL === undefined
      ? { MIGRATION_DATABASE_URL: database.ownerUrl }
      : {}),
    REDIS_URL: redisUrl(),
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    AUDIT_KEY: TEST_AUDIT_KEY,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    // The tests are the proxy: X-Forwarded-For from loopback stands for the client's address.
    TRUSTED_PROXIES: 'loopback',
    ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, { clock: options.clock }),
    {
      // Errors only: a failing start or an unexpected error says why; nothing else is printed.
      logger: ['error'],
    },
  );
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    config,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** POSTs a GraphQL operation and returns the parsed body and status. */
export async function graphql<T = unknown>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** Signs in through the API and returns the session. */
export async function signIn(
  url: string,
  email: string,
  password: string,
): Promise<{ accessToken: string; refreshToken: string; headers: Record<string, string> }> {
  const { body } = await graphql<{ login: { accessToken: string; refreshToken: string } }>(
    url,
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken } }',
    { email, password },
    // Successful sign-ins do not count against the throttle; a private address keeps tests apart.
    { 'x-forwarded-for': '10.99.0.1' },
  );
  if (!body.data) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(body.errors)}`);
  return { ...body.data.login, headers: { authorization: `Bearer ${body.data.login.accessToken}` } };
}
