import { DataSource } from 'typeorm';

import { DEMO_PASSWORD, DemoUsers, User } from '@dondoc/identity';
import { bootApi, Given, graphql, Role, type RunningApi, signIn, TEST_PASSWORD } from '@dondoc/test-support';

/** `allDocuments → tasks → document → tasks …`: the loop, seven list-and-object levels. */
const DOCUMENT_TASK_LOOP = `{ allDocuments { id tasks { id document { id tasks { id document { id tasks { id
  document { id tasks { id } } } } } } } } }`;
const TASK_ASSIGNMENT_LOOP = `{ allTasks { id assignments { id task { id assignments { id task { id assignments { id
  task { id assignments { id } } } } } } } } }`;
const THOUSAND_PAGES = `{ ${Array.from({ length: 1000 }, (_, i) => `o${i}: allOrganizations(perPage: 1000) { id }`).join(' ')} }`;
/** The console's assignment list (ASSIGNMENT_LIST_FIELDS), one page. */
const CONSOLE_LIST = `query ($perPage: Int) {
  items: allAssignments(perPage: $perPage, sortField: "dueDate", sortOrder: "ASC") {
    id role status timeliness dueDate baselineDueDate cadence percentComplete daysOverdue nextReportDue version
    task { id number text } organization { id name } document { id number }
  }
  total: _allAssignmentsMeta(perPage: $perPage) { count }
}`;

interface Refusal {
  status: number;
  code: unknown;
  details: Record<string, unknown>;
  message: string;
  ms: number;
}

describe('query cost: a hostile query is refused before it runs', () => {
  let api: RunningApi;
  let officer: Record<string, string>;
  let englishOfficer: Record<string, string>;

  const send = async (
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = officer,
  ): Promise<Refusal & { data: unknown }> => {
    const started = performance.now();
    const { status, body } = await graphql(api.url, query, variables, headers);
    const error = body.errors?.[0];
    const { code, ...details } = error?.extensions ?? {};
    return {
      status,
      code,
      details,
      message: error?.message ?? '',
      ms: performance.now() - started,
      data: body.data,
    };
  };

  beforeAll(async () => {
    api = await bootApi();
    const given = new Given(api.app);
    const konTum = await given.konTum();
    await api.app.get(DemoUsers).ensure();
    officer = (await signIn(api.url, 'phunu@dondoc.local', DEMO_PASSWORD)).headers;
    const english = await given.user(Role.ORG_OFFICER, konTum.get('kt.pn')!);
    await api.app.get(DataSource).getRepository(User).update({ id: english.id }, { locale: 'en' });
    englishOfficer = (await signIn(api.url, english.email, TEST_PASSWORD)).headers;
  });
  afterAll(() => api?.close());

  it('refuses the documents → tasks → document loop at once, naming the cost limit', async () => {
    const refused = await send(DOCUMENT_TASK_LOOP);
    expect(refused).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX', data: undefined });
    expect(refused.details).toMatchObject({ limit: 'cost', maximum: 20_000 });
    expect(refused.details.actual).toBeGreaterThan(100_000_000);
    expect(refused.ms).toBeLessThan(1000);
  });

  it('refuses the tasks → assignments → task loop at once', async () => {
    const refused = await send(TASK_ASSIGNMENT_LOOP);
    expect(refused).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX', details: { limit: 'cost' } });
    expect(refused.ms).toBeLessThan(1000);
  });

  it('refuses 1,000 aliased pages of 1,000 organizations, and a smaller run of aliases by its count', async () => {
    const thousand = await send(THOUSAND_PAGES);
    expect(thousand).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX', details: { limit: 'tokens' } });
    expect(thousand.ms).toBeLessThan(1000);

    const aliases = Array.from({ length: 40 }, (_, i) => `o${i}: allOrganizations(perPage: 1000) { id }`);
    const forty = await send(`{ ${aliases.join(' ')} }`);
    expect(forty).toMatchObject({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      details: { limit: 'aliases', maximum: 30, actual: 40 },
    });
  });

  it('counts a page size given in the variables', async () => {
    const query = 'query ($n: Int) { allDocuments(perPage: $n) { id tasks { id assignments { id } } } }';
    // 10 documents × 50 tasks × 50 assignments is over the budget; one document is not.
    const refused = await send(query, { n: 10 });
    expect(refused).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX', details: { actual: 25_510 } });
    const answered = await send(query, { n: 1 });
    expect(answered).toMatchObject({ status: 200, code: undefined, data: { allDocuments: [] } });
  });

  it("says which limit in the caller's language: the signed-in user's, else Accept-Language", async () => {
    const vi = await send(DOCUMENT_TASK_LOOP, undefined, { ...officer, 'accept-language': 'en-US,en;q=0.9' });
    expect(vi.message).toMatch(/^Truy vấn có thể trả về tới [\d.]+ bản ghi; tối đa 20\.000 bản ghi\./);
    const en = await send(DOCUMENT_TASK_LOOP, undefined, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.message).toMatch(/^The query could return up to [\d,]+ records; at most 20,000 are allowed\./);
    const signedInEnglish = await send(DOCUMENT_TASK_LOOP, undefined, {
      ...englishOfficer,
      'accept-language': 'vi',
    });
    expect(signedInEnglish.message).toMatch(/^The query could return up to/);
    const anonymous = await send(DOCUMENT_TASK_LOOP, undefined, {});
    expect(anonymous.message).toMatch(/^Truy vấn có thể trả về/);
    const tokens = await send(THOUSAND_PAGES, undefined, { 'accept-language': 'en' });
    expect(tokens.message).toBe(
      'The query is longer than 5,000 tokens, the most allowed. Send a shorter query.',
    );
  });

  it('still answers an ordinary console page, and a thousand-row one', async () => {
    for (const perPage of [25, 1000]) {
      const answered = await send(CONSOLE_LIST, { perPage });
      expect(answered).toMatchObject({ status: 200, code: undefined });
      expect(answered.data).toMatchObject({ items: expect.any(Array), total: { count: expect.any(Number) } });
    }
    const organizations = await send('{ allOrganizations(perPage: 1000) { id name parent { id } } }');
    expect(organizations).toMatchObject({ status: 200, code: undefined });
  });
});
