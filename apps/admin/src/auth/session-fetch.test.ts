import { describe, expect, it } from 'vitest';
import { createSessionFetch } from './session-fetch';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refused = () => json({ errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] });

/** The API's GraphQL: answers by the bearer token each request carries. */
function fakeApi(answer: (token: string | null) => Response) {
  const tokens: (string | null)[] = [];
  const fetch = async (_url: string, init: RequestInit) => {
    const token = new Headers(init.headers).get('Authorization')?.replace('Bearer ', '') ?? null;
    tokens.push(token);
    return answer(token);
  };
  return { fetch, tokens };
}

describe('GraphQL requests with the session', () => {
  it('carry the access token', async () => {
    const api = fakeApi(() => json({ data: { me: { id: 'u-1' } } }));
    const send = createSessionFetch({
      getAccessToken: async () => 'token-1',
      renewAccessToken: async () => 'token-2',
      fetch: api.fetch,
    });

    const answer = await send('/graphql', { method: 'POST', body: '{}' });

    expect(await answer.json()).toEqual({ data: { me: { id: 'u-1' } } });
    expect(api.tokens).toEqual(['token-1']);
  });

  it('an UNAUTHENTICATED answer renews the token once and sends the request again', async () => {
    const api = fakeApi((token) => (token === 'token-2' ? json({ data: { ok: true } }) : refused()));
    const renewed: string[] = [];
    const send = createSessionFetch({
      getAccessToken: async () => 'token-1',
      renewAccessToken: async (rejected) => {
        renewed.push(rejected);
        return 'token-2';
      },
      fetch: api.fetch,
    });

    const answer = await send('/graphql', { method: 'POST', body: '{}' });

    expect(await answer.json()).toEqual({ data: { ok: true } });
    expect(api.tokens).toEqual(['token-1', 'token-2']);
    expect(renewed).toEqual(['token-1']);
  });

  it('an HTTP 401 counts as a refusal too', async () => {
    const api = fakeApi((token) => (token === 'token-2' ? json({ data: {} }) : json({}, 401)));
    const send = createSessionFetch({
      getAccessToken: async () => 'token-1',
      renewAccessToken: async () => 'token-2',
      fetch: api.fetch,
    });

    expect((await send('/graphql', { method: 'POST', body: '{}' })).status).toBe(200);
    expect(api.tokens).toEqual(['token-1', 'token-2']);
  });

  it('a second refusal, or a session that cannot be renewed, is passed on without looping', async () => {
    const api = fakeApi(() => refused());
    const again = createSessionFetch({
      getAccessToken: async () => 'token-1',
      renewAccessToken: async () => 'token-2',
      fetch: api.fetch,
    });
    const answer = await again('/graphql', { method: 'POST', body: '{}' });
    expect(await answer.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(api.tokens).toEqual(['token-1', 'token-2']);

    const ended = fakeApi(() => refused());
    const cannot = createSessionFetch({
      getAccessToken: async () => 'token-1',
      renewAccessToken: async () => null,
      fetch: ended.fetch,
    });
    expect(await (await cannot('/graphql', { method: 'POST', body: '{}' })).json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(ended.tokens).toEqual(['token-1']);
  });

  it('a signed-out page sends no token and renews nothing', async () => {
    const api = fakeApi(() => refused());
    let renewals = 0;
    const send = createSessionFetch({
      getAccessToken: async () => null,
      renewAccessToken: async () => {
        renewals += 1;
        return 'token-2';
      },
      fetch: api.fetch,
    });

    await send('/graphql', { method: 'POST', body: '{}' });

    expect(api.tokens).toEqual([null]);
    expect(renewals).toBe(0);
  });
});
