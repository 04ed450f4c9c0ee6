import { readFileSync, writeFileSync } from 'node:fs';

import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';

import { bootApi, graphql, type RunningApi } from '@dondoc/test-support';

import { SCHEMA_FILE } from '../../apps/api/src/graphql/graphql-api.module.js';

const SCHEMA_HEADER = `# ------------------------------------------------------
# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)
# ------------------------------------------------------
`;

describe('the API over HTTP', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await bootApi();
  });
  afterAll(() => api?.close());

  it('answers liveness and readiness with the database and Redis up', async () => {
    const live = await fetch(`${api.url}/health`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; details: Record<string, { status: string }> };
    expect(body.status).toBe('degraded'); // no worker runs in this test
    expect(body.details.worker?.status).toBe('degraded');
    expect(body.details.database?.status).toBe('up');
    expect(body.details.redis?.status).toBe('up');
  });

  it('answers GraphQL at /graphql', async () => {
    const { status, body } = await graphql<{ __typename: string; serverInfo: { today: string } }>(
      api.url,
      '{ __typename serverInfo { version today zeroConfig } }',
    );
    expect(status).toBe(200);
    expect(body.data?.__typename).toBe('Query');
    expect(body.data?.serverInfo.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('says what was wrong with a bad query, without a stack trace', async () => {
    const { status, body } = await graphql(api.url, '{ noSuchField }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field "noSuchField"/);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|node_modules/);
  });

  it('echoes a sane request id and makes one up otherwise', async () => {
    const given = await fetch(`${api.url}/health`, { headers: { 'x-request-id': 'trace-42' } });
    expect(given.headers.get('x-request-id')).toBe('trace-42');
    const made = await fetch(`${api.url}/health`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exposes Prometheus metrics, including the requests just made', async () => {
    const response = await fetch(`${api.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/dondoc_process_resident_memory_bytes/);
    expect(text).toMatch(/dondoc_http_request_duration_seconds_count\{[^}]*route="\/graphql"/);
  });

  it('serves the built console at /admin, with client-side routes falling back to it', async () => {
    // npm test builds the console before the end-to-end tier.
    const index = await fetch(`${api.url}/admin/`);
    expect(index.status).toBe(200);
    const html = await index.text();
    expect(html).toMatch(/<html lang="vi">/);
    const script = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await fetch(`${api.url}${script}`)).headers.get('content-type')).toMatch(/javascript/);
    const deep = await fetch(`${api.url}/admin/account`);
    expect(await deep.text()).toBe(html);
    expect((await fetch(`${api.url}/admin/assets/missing.js`)).status).toBe(404);
  });

  it('keeps the committed schema.gql identical to the schema the code builds', () => {
    const built = printSchema(api.app.get(GraphQLSchemaHost).schema).trim();
    if (process.env.UPDATE_SCHEMA === '1') {
      // npm run schema: rewrite the file from the code, for review in the diff.
      writeFileSync(SCHEMA_FILE, `${SCHEMA_HEADER}\n${built}\n`);
    }
    const committed = readFileSync(SCHEMA_FILE, 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n')
      .trim();
    // On a difference: npm run schema rewrites the file.
    expect(committed).toBe(built);
  });
});
