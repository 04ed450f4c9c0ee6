import { bootApi, Given, graphql, type RunningApi, Role, TEST_PASSWORD } from '@dondoc/test-support';
import { FixedClock } from '@dondoc/platform';
import { DataSource } from 'typeorm';

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken }
}`;

type Answer = Awaited<ReturnType<typeof graphql>>;
const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code ?? 'OK';

/** How many answers of each kind: UNAUTHENTICATED means the password was checked. */
function tally(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers)
    counts[codeOf(answer) as string] = (counts[codeOf(answer) as string] ?? 0) + 1;
  return counts;
}

/**
 * Throttling that counts: per account, atomically, with growing delays; an address is capped
 * only against spraying many accounts; X-Forwarded-For only from trusted proxies.
 */
describe('login throttling', () => {
  const clock = new FixedClock('2026-11-27T03:00:00Z');
  let api: RunningApi;
  let given: Given;
  let body: Awaited<ReturnType<Given['konTum']>> extends Map<string, infer O> ? O : never;
  const login = (email: string, password: string, address: string) =>
    graphql(api.url, LOGIN, { email, password }, { 'x-forwarded-for': address });
  const newUser = async () => (await given.user(Role.ORG_OFFICER, body)).email;

  beforeAll(async () => {
    // bootApi trusts X-Forwarded-For from loopback, as a reverse proxy on the host would be.
    api = await bootApi({}, { clock });
    given = new Given(api.app);
    body = (await given.konTum()).get('kt.pn')!;
  });
  afterAll(() => api?.close());

  it('checks at most 5 of 40 parallel wrong passwords for one account, from 40 addresses', async () => {
    const target = await newUser();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(target, `wrong-${i}`, `203.0.113.${i + 1}`)),
    );
    const counts = tally(answers);
    const [{ recorded }] = (await api.app
      .get(DataSource)
      .query('SELECT count(*)::int AS recorded FROM login_attempts WHERE email = $1', [target])) as [
      { recorded: number },
    ];
    process.stdout.write(
      `40 parallel wrong guesses: ${JSON.stringify(counts)}; attempts recorded as evaluated: ${recorded}\n`,
    );
    expect(counts).toEqual({ UNAUTHENTICATED: 5, TOO_MANY_REQUESTS: 35 });
    expect(recorded).toBe(5);
  });

  it('makes each further failure wait longer, says how long, and a success clears the count', async () => {
    const target = await newUser();
    for (let i = 0; i < 5; i++)
      expect(codeOf(await login(target, `wrong-${i}`, '198.51.100.1'))).toBe('UNAUTHENTICATED');
    const waits: unknown[] = [];
    for (const seconds of [1, 2, 4]) {
      const refused = await login(target, TEST_PASSWORD, '198.51.100.2');
      expect(refused.body.errors?.[0]?.message).toBe(
        `Đăng nhập sai quá nhiều lần: thử lại sau ${seconds} giây`,
      );
      waits.push(refused.body.errors?.[0]?.extensions?.retryAfterSeconds);
      clock.advanceDays((seconds - 0.5) / 86_400);
      expect(codeOf(await login(target, TEST_PASSWORD, '198.51.100.2'))).toBe('TOO_MANY_REQUESTS');
      clock.advanceDays(0.5 / 86_400);
      // Allowed again, and wrong once more: the next wait doubles.
      expect(codeOf(await login(target, 'wrong-again', '198.51.100.1'))).toBe('UNAUTHENTICATED');
    }
    expect(waits).toEqual([1, 2, 4]);
    clock.advanceDays(8 / 86_400);
    expect(codeOf(await login(target, TEST_PASSWORD, '198.51.100.2'))).toBe('OK');
    // The success cleared the failures: five more guesses are checked before any wait.
    for (let i = 0; i < 5; i++)
      expect(codeOf(await login(target, `wrong-${i}`, '198.51.100.1'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(target, 'wrong-5', '198.51.100.1'))).toBe('TOO_MANY_REQUESTS');
  });

  it('lets a colleague at the same address sign in while one account is hammered from it', async () => {
    const [target, colleague] = [await newUser(), await newUser()];
    const office = '198.51.100.20';
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(target, `wrong-${i}`, office)),
    );
    expect(tally(answers)).toEqual({ UNAUTHENTICATED: 5, TOO_MANY_REQUESTS: 15 });
    expect(codeOf(await login(colleague, TEST_PASSWORD, office))).toBe('OK');
  });

  it('stops an address trying many accounts, but not a colleague who signed in from it before', async () => {
    const colleague = await newUser();
    const office = '198.51.100.30';
    expect(codeOf(await login(colleague, TEST_PASSWORD, office))).toBe('OK');
    for (let i = 0; i < 30; i++) {
      expect(codeOf(await login(`spray${i}@test.local`, 'Password1', office))).toBe('UNAUTHENTICATED');
    }
    const refused = await login('spray30@test.local', 'Password1', office);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: 900,
    });
    // Someone who has not signed in from here waits too: the address is spraying.
    expect(codeOf(await login(await newUser(), TEST_PASSWORD, office))).toBe('TOO_MANY_REQUESTS');
    expect(codeOf(await login(colleague, TEST_PASSWORD, office))).toBe('OK');
    expect(codeOf(await login('spray31@test.local', 'Password1', '198.51.100.31'))).toBe('UNAUTHENTICATED');
  });

  it('takes the address from X-Forwarded-For when the peer is a trusted proxy', async () => {
    const target = await newUser();
    await login(target, 'wrong', '192.0.2.44');
    const rows = (await api.app
      .get(DataSource)
      .query('SELECT address FROM login_attempts WHERE email = $1', [target])) as { address: string }[];
    expect(rows).toEqual([{ address: '192.0.2.44' }]);
  });
});

describe('login throttling without TRUSTED_PROXIES', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await bootApi({ TRUSTED_PROXIES: '' });
  });
  afterAll(() => api?.close());

  it('ignores X-Forwarded-For: the address is the peer, and rotating the header does not help', async () => {
    const login = (email: string, address: string) =>
      graphql(api.url, LOGIN, { email, password: 'Password1' }, { 'x-forwarded-for': address });
    for (let i = 0; i < 30; i++) {
      expect(codeOf(await login(`spray${i}@test.local`, `203.0.113.${i + 1}`))).toBe('UNAUTHENTICATED');
    }
    expect(codeOf(await login('spray30@test.local', '203.0.113.200'))).toBe('TOO_MANY_REQUESTS');
    const addresses = (await api.app
      .get(DataSource)
      .query('SELECT DISTINCT address FROM login_attempts')) as { address: string }[];
    expect(addresses.map((row) => row.address.replace(/^::ffff:/, ''))).toEqual(['127.0.0.1']);
  });
});
