import { networkInterfaces } from 'node:os';

import { freePort } from '@dondoc/platform';
import {
  bootApi,
  builtEntry,
  createTestDatabase,
  Given,
  graphql,
  redisUrl,
  type RunningApi,
  Role,
  signIn,
  startProcess,
  TEST_PASSWORD,
  waitForExit,
  waitForHttp,
} from '@dondoc/test-support';

const METRICS_TOKEN = 'scrape-token-for-the-edge-tests';

interface ErrorBody {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  data?: unknown;
}

/** A GraphQL POST whose JSON carries `bytes` of padding in `extensions`, which the API ignores. */
function paddedBody(bytes: number): string {
  return JSON.stringify({ query: '{ __typename }', extensions: { padding: 'x'.repeat(bytes) } });
}

async function post(
  url: string,
  body: string | ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: ErrorBody; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    // A stream has no length: Node sends it chunked, as a client hiding the size would.
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit);
  const parsed = (await response.json()) as ErrorBody;
  return { status: response.status, body: parsed, ms: performance.now() - started };
}

/** The distinct `route` labels of the request-duration histogram. */
async function routeLabels(url: string): Promise<string[]> {
  const text = await (
    await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  const routes = [...text.matchAll(/^dondoc_http_request_duration_seconds_count\{[^}]*route="([^"]*)"/gm)];
  return [...new Set(routes.map((match) => match[1]!))].sort();
}

describe('the edge of the API, as deployed (NODE_ENV=production)', () => {
  let api: RunningApi;
  let officer: Record<string, string>;

  beforeAll(async () => {
    api = await bootApi({ NODE_ENV: 'production', METRICS_TOKEN });
    const given = new Given(api.app);
    const konTum = await given.konTum();
    const user = await given.user(Role.ORG_OFFICER, konTum.get('kt.pn')!);
    officer = (await signIn(api.url, user.email, TEST_PASSWORD)).headers;
  });
  afterAll(() => api?.close());

  describe('request bodies', () => {
    it('refuses 1 MB of JSON from an anonymous caller at once, with 413 naming the limit', async () => {
      const { status, body, ms } = await post(api.url, paddedBody(1024 * 1024));
      expect(status).toBe(413);
      expect(body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
      expect(body.errors?.[0]?.message).toBe('Yêu cầu quá lớn: tối đa 100 KB mỗi yêu cầu khi chưa đăng nhập');
      expect(ms).toBeLessThan(1_000);
      const english = await post(api.url, paddedBody(1024 * 1024), { 'accept-language': 'en' });
      expect(english.body.errors?.[0]?.message).toBe(
        'The request is too large: at most 100 KB per request before signing in',
      );
    });

    it('cuts off an anonymous body sent without a length once it passes the limit', async () => {
      const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(new TextEncoder().encode('{"query":"{ __typename }","x":"'));
          // Up to 2 MB, unless the server answered first and the stream was cancelled.
          if (sent >= 32) return controller.close();
          sent += 1;
          controller.enqueue(chunk);
        },
      });
      const { status, body } = await post(api.url, stream);
      expect(status).toBe(413);
      expect(body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('judges the caller by a valid token, not by a header being present', async () => {
      const forged = await post(api.url, paddedBody(1024 * 1024), { authorization: 'Bearer not.a.token' });
      expect(forged.status).toBe(413);
    });

    it('accepts 5 MB from a signed-in caller, and still small bodies from anyone', async () => {
      const large = await post(api.url, paddedBody(5 * 1024 * 1024), officer);
      expect(large.status).toBe(200);
      expect(large.body.data).toEqual({ __typename: 'Query' });
      const small = await post(api.url, paddedBody(50 * 1024));
      expect(small.status).toBe(200);
    });

    it('refuses a signed-in body over the upload limit, naming it', async () => {
      const { status, body } = await post(api.url, paddedBody(31 * 1024 * 1024), {
        ...officer,
        'accept-language': 'en',
      });
      expect(status).toBe(413);
      // A signed-in caller hears its own language, whatever the header says.
      expect(body.errors?.[0]?.message).toBe('Yêu cầu quá lớn: tối đa 30 MB mỗi yêu cầu');
    });
  });

  describe('security headers', () => {
    it.each(['/admin/', '/graphql', '/health'])('come with every answer, here on %s', async (path) => {
      const response = await fetch(`${api.url}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      // APP_URL is http here: browsers must not be pinned to https.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    });
  });

  describe('schema details', () => {
    it('refuses introspection', async () => {
      const { body } = await graphql(api.url, '{ __schema { types { name } } }', undefined, officer);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
    });

    it('names a wrong field without guessing what was meant', async () => {
      const { body } = await graphql(api.url, '{ allUser { id } }', undefined, officer);
      expect(body.errors?.[0]?.message).toBe('Cannot query field "allUser" on type "Query".');
      expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
    });

    it('names a wrong enum value in the variables without guessing either', async () => {
      const { body } = await graphql(
        api.url,
        'query ($role: Role) { allUsers(filter: { role: $role }) { id } }',
        { role: 'ADMI' },
        officer,
      );
      expect(body.errors?.[0]?.message).toMatch(/Value "ADMI" does not exist in "Role" enum/);
      expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
    });
  });

  describe('metrics', () => {
    it('answers only the scraper holding METRICS_TOKEN', async () => {
      expect((await fetch(`${api.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${api.url}/metrics`, { headers: officer })).status).toBe(401);
      const scrape = await fetch(`${api.url}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(scrape.status).toBe(200);
      expect(await scrape.text()).toMatch(/dondoc_http_request_duration_seconds_count/);
    });

    it('keeps one label for every unknown path: 500 random paths do not grow the label set', async () => {
      await fetch(`${api.url}/no-such-path`);
      const before = await routeLabels(api.url);
      expect(before).toContain('unmatched');
      for (let batch = 0; batch < 10; batch += 1) {
        await Promise.all(
          Array.from({ length: 50 }, (_, index) =>
            fetch(`${api.url}/${Math.random().toString(36).slice(2)}/${batch}-${index}?q=${index}`).then(
              (r) => r.arrayBuffer(),
            ),
          ),
        );
      }
      expect(await routeLabels(api.url)).toEqual(before);
    });
  });
});

describe("the worker's operations port, as deployed (NODE_ENV=production)", () => {
  it('listens on loopback only, and serves /metrics to the token holder alone', async () => {
    const database = await createTestDatabase();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const worker = startProcess([builtEntry('worker')], {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      // A Redis database of its own, so a developer's running worker does not answer for it.
      REDIS_URL: `${redisUrl().replace(/\/\d*$/, '')}/12`,
      JWT_SECRET: 'a-secret-that-is-at-least-32-characters',
      WORKER_PORT: String(port),
      METRICS_TOKEN,
    });
    try {
      await waitForHttp(`${base}/health`, 30_000);
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      const scrape = await fetch(`${base}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(scrape.status).toBe(200);
      expect(await scrape.text()).toMatch(/dondoc_process_resident_memory_bytes/);
      // Another address of this machine, where the port must not answer.
      const outside = Object.values(networkInterfaces())
        .flat()
        .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;
      if (outside) await expect(fetch(`http://${outside}:${port}/health`)).rejects.toThrow();
    } catch (error) {
      throw new Error(`${String(error)}\n--- worker output ---\n${worker.output()}`, { cause: error });
    } finally {
      worker.kill('SIGTERM');
      await waitForExit(worker, 20_000);
      await database.drop();
    }
  });
});
