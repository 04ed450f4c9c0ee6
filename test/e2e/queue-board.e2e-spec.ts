import { freePort } from '@dondoc/platform';
import { bootApi, Given, type RunningApi, Role, signIn, TEST_PASSWORD } from '@dondoc/test-support';

const BOARD_COOKIE = 'dondoc_queue_board';

describe('the queue board at /admin/queues', () => {
  let api: RunningApi;
  let admin: { accessToken: string; headers: Record<string, string> };
  let officer: { accessToken: string; headers: Record<string, string> };

  beforeAll(async () => {
    api = await bootApi();
    const given = new Given(api.app);
    const konTum = await given.konTum();
    const adminUser = await given.user(Role.ADMIN, konTum.get('kt.tu.vp')!);
    const officerUser = await given.user(Role.ORG_OFFICER, konTum.get('kt.pn')!);
    admin = await signIn(api.url, adminUser.email, TEST_PASSWORD);
    officer = await signIn(api.url, officerUser.email, TEST_PASSWORD);
  });
  afterAll(() => api?.close());

  const board = (path = '', headers: Record<string, string> = {}) =>
    fetch(`${api.url}/admin/queues${path}`, { headers, redirect: 'manual' });

  it('asks for a sign-in without a token, or with one that is not valid', async () => {
    const anonymous = await board();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(await anonymous.text()).not.toMatch(/<html/i);
    expect((await board('', { authorization: 'Bearer not-a-token' })).status).toBe(401);
    expect((await board('/api/queues')).status).toBe(401);
  });

  it('turns away a signed-in user who is not an administrator', async () => {
    expect((await board('', officer.headers)).status).toBe(403);
    expect((await board(`?access_token=${officer.accessToken}`)).status).toBe(403);
    expect((await board('/api/queues', officer.headers)).status).toBe(403);
  });

  it("shows an administrator the board's page, and the product's queues through its API", async () => {
    const page = await board('', admin.headers);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/<div id="root">/);

    const api = await board('/api/queues', admin.headers);
    expect(api.status).toBe(200);
    const { queues } = (await api.json()) as { queues: { name: string }[] };
    expect(queues.map((queue) => queue.name).sort()).toEqual(['events', 'exports', 'follow-up', 'system']);
  });

  it('exchanges the token of a link for a cookie of the board, which alone lets the browser in', async () => {
    const login = await board(`?access_token=${admin.accessToken}`);
    expect(login.status).toBe(303);
    // The token leaves the address bar: the browser goes to the board without it.
    expect(login.headers.get('location')).toBe('/admin/queues');
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${BOARD_COOKIE}=[^;]+;`));
    expect(setCookie).toMatch(/; Path=\/admin\/queues(;|$)/);
    expect(setCookie).toMatch(/; HttpOnly(;|$)/);
    expect(setCookie).toMatch(/; SameSite=Strict(;|$)/);

    const cookie = setCookie.split(';')[0] as string;
    const page = await board('', { cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<div id="root">/);
    // What the page then loads comes with the cookie only: its script and its API.
    const script = /src="(static\/js\/main\.[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expect((await board(`/${script}`, { cookie })).status).toBe(200);
    expect((await board(`/${script}`)).status).toBe(401);
    expect((await board('/api/queues', { cookie })).status).toBe(200);

    expect((await board('', { cookie: `${BOARD_COOKIE}=forged` })).status).toBe(401);
  });

  it('keeps the API serving when Redis does not answer, and says so on the board', async () => {
    // Nothing listens on this port: Redis is simply away.
    const offline = await bootApi({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    try {
      const given = new Given(offline.app);
      const konTum = await given.konTum();
      const user = await given.user(Role.ADMIN, konTum.get('kt.tu.vp')!);
      const { headers } = await signIn(offline.url, user.email, TEST_PASSWORD);
      const page = await fetch(`${offline.url}/admin/queues`, { headers });
      expect(page.status).toBe(200);
      const queues = await fetch(`${offline.url}/admin/queues/api/queues`, { headers });
      expect(queues.status).toBe(503);
      expect(await queues.text()).toMatch(/Redis does not answer/);
      expect((await fetch(`${offline.url}/health`)).status).toBe(200);
      expect((await fetch(`${offline.url}/health/ready`)).status).toBe(200);
    } finally {
      await offline.close();
    }
  });
});
