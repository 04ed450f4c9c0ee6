import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  getNullableType,
  GraphQLEnumType,
  type GraphQLField,
  GraphQLID,
  type GraphQLInputType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  isLeafType,
} from 'graphql';
import { DataSource } from 'typeorm';

import { DEMO_PASSWORD, DemoUsers } from '@dondoc/identity';
import { bootApi, Given, graphql, type RunningApi, signIn } from '@dondoc/test-support';

import { NON_UUID_IDS } from '../../apps/api/src/graphql/input-guard.plugin.js';

/**
 * Hostile values in otherwise valid operations (issue 13, "Inputs that end as an internal
 * error" and "Unbounded text"): each is refused as BAD_USER_INPUT, saying what and which limit,
 * and nothing reaches the database. On the main branch before the fix, every one of these
 * ended as INTERNAL_SERVER_ERROR or was stored.
 */
const DOCUMENT = `TỈNH ỦY KON TUM
*
Số 901-KL/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Kon Tum, ngày 20 tháng 11 năm 2026
KẾT LUẬN
về công tác phụ nữ

Ban Thường vụ Tỉnh ủy yêu cầu:
1. Hội Liên hiệp Phụ nữ tỉnh báo cáo kết quả công tác hằng quý.
`;
const DASHES = '-'.repeat(36);

type Session = Awaited<ReturnType<typeof signIn>>;
interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

describe('bounded inputs over the API', () => {
  let api: RunningApi;
  let office: Session;
  let admin: Session;
  let officer: Session;
  let assignmentId: string;
  let womensUnionId: string;

  const call = (who: Session | null, query: string, variables?: Record<string, unknown>, locale = 'vi') =>
    graphql(api.url, query, variables, {
      ...(who?.headers ?? {}),
      'accept-language': locale,
    }) as Promise<Answer>;

  const expectBadInput = (answer: Answer, messagePart: RegExp) => {
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.body.errors?.[0]?.message).toMatch(messagePart);
    expect(JSON.stringify(answer.body)).not.toMatch(/stacktrace|QueryFailedError|invalid input syntax/i);
  };

  beforeAll(async () => {
    api = await bootApi();
    const konTum = await new Given(api.app).konTum();
    womensUnionId = konTum.get('kt.pn')!.id;
    await api.app.get(DemoUsers).ensure();
    office = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    admin = await signIn(api.url, 'admin@dondoc.local', DEMO_PASSWORD);
    officer = await signIn(api.url, 'phunu@dondoc.local', DEMO_PASSWORD);
    const ok = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const { body } = await call(office, query, variables);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as T;
    };
    const { importDocument } = await ok<{ importDocument: { id: string; tasks: { id: string }[] } }>(
      'mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id } } }',
      { i: { text: DOCUMENT } },
    );
    const taskId = importDocument.tasks[0]!.id;
    await ok('mutation ($t: ID!) { setTaskAssignees(taskId: $t, assignees: []) { id } }', { t: taskId });
    await ok('mutation ($id: ID!) { publishDocument(id: $id) { id } }', { id: importDocument.id });
    const { assignTask } = await ok<{ assignTask: { id: string }[] }>(
      'mutation ($i: AssignTaskInput!) { assignTask(input: $i) { id } }',
      { i: { taskId, organizationIds: [womensUnionId], role: 'LEAD', dueDate: '2027-03-31' } },
    );
    assignmentId = assignTask[0]!.id;
  });
  afterAll(() => api?.close());

  it('refuses a NUL byte in the search text, inline or in a variable', async () => {
    const inline = await call(officer, '{ allAssignments(filter: { q: "\\u0000" }) { id } }');
    expectBadInput(inline, /filter\.q chứa ký tự NUL/);
    const variable = await call(
      officer,
      'query ($f: AssignmentFilter) { allAssignments(filter: $f) { id } }',
      { f: { q: 'dan\u0000van' } },
      'en',
    );
    // A signed-in caller hears their own language (vi here), whatever Accept-Language says.
    expectBadInput(variable, /filter\.q chứa ký tự NUL/);
    // Before sign-in, Accept-Language decides; the guard answers before anything else runs.
    const anonymous = await call(
      null,
      '{ allAssignments(filter: { q: "\\u0000" }) { id } }',
      undefined,
      'en',
    );
    expectBadInput(anonymous, /filter\.q contains a NUL character/);
  });

  it('answers a variable nested 100,000 lists deep where a string is declared as bad input, not a crash', async () => {
    const depth = 100_000;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...officer.headers },
      body: `{"query":"query ($f: AssignmentFilter) { allAssignments(filter: $f) { id } }","variables":{"f":{"q":${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}}}}`,
    });
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as Answer['body'];
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('does not echo a megabyte sent as a date back in the error', async () => {
    const answer = await call(officer, 'query ($f: AssignmentFilter) { allAssignments(filter: $f) { id } }', {
      f: { dueFrom: '9'.repeat(1_000_000) },
    });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(answer.body).length).toBeLessThan(2_000);
  });

  it('refuses 36 dashes as an id, at the root, in a filter and in a mutation', async () => {
    expectBadInput(
      await call(officer, `{ Assignment(id: "${DASHES}") { id } }`),
      /id không phải mã định danh hợp lệ/,
    );
    expectBadInput(
      await call(officer, 'query ($f: AssignmentFilter) { allAssignments(filter: $f) { id } }', {
        f: { organizationId: DASHES },
      }),
      /filter\.organizationId/,
    );
    expectBadInput(
      await call(
        officer,
        'mutation ($id: ID!) { requestCompletion(assignmentId: $id, summary: "xong") { id } }',
        { id: DASHES },
        'en',
      ),
      /assignmentId không phải mã định danh hợp lệ/,
    );
  });

  it('refuses an empty document id in exportReport', async () => {
    expectBadInput(
      await call(office, 'mutation { exportReport(input: { documentId: "", format: DOCX }) { id } }'),
      /input\.documentId không phải mã định danh hợp lệ: ""/,
    );
  });

  it('refuses a lone surrogate in createUser.email, inline or in a variable', async () => {
    const variables = {
      email: 'a\ud800@dondoc.local',
      organizationId: womensUnionId,
      password: 'a-long-enough-password',
    };
    const mutation = `mutation ($email: String!, $organizationId: ID!, $password: String!) {
      createUser(email: $email, name: "X", organizationId: $organizationId, roles: [ORG_OFFICER], password: $password) { id } }`;
    expectBadInput(await call(admin, mutation, variables, 'en'), /email không phải văn bản Unicode hợp lệ/);
    // Inline, graphql-js's own parser already refuses a lone surrogate escape: a 400, never a 500.
    const inline = await call(
      admin,
      `mutation { createUser(email: "b\\uDC00@dondoc.local", name: "X", organizationId: "${womensUnionId}", roles: [ORG_OFFICER], password: "a-long-enough-password") { id } }`,
    );
    expect(inline.status).toBe(400);
    expect(inline.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const [{ count }] = (await api.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS count FROM users WHERE email LIKE '%@dondoc.local' AND name = 'X'`,
      )) as {
      count: number;
    }[];
    expect(count).toBe(0);
  });

  it('refuses a 15 MB completion summary, naming the limit, and stores nothing', async () => {
    const mutation =
      'mutation ($id: ID!, $s: String!) { requestCompletion(assignmentId: $id, summary: $s) { id status } }';
    expectBadInput(
      await call(officer, mutation, { id: assignmentId, s: 'x'.repeat(15 * 1024 * 1024) }),
      /summary chỉ được dài tối đa 4\.000 ký tự/,
    );
    expectBadInput(
      await call(officer, mutation, { id: assignmentId, s: 'x'.repeat(4_001) }),
      /summary chỉ được dài tối đa 4\.000 ký tự/,
    );
    const { body } = await call(officer, 'query ($id: ID!) { Assignment(id: $id) { status } }', {
      id: assignmentId,
    });
    expect(body.data).toEqual({ Assignment: { status: expect.not.stringMatching(/COMPLETION/) as unknown } });
  });

  it('refuses an oversized login e-mail before any hashing, and counts it against the account', async () => {
    // An address of its own (the tests' API trusts X-Forwarded-For from loopback).
    const from = { 'x-forwarded-for': '203.0.113.77' };
    const login = (email: string, password: string) =>
      graphql(
        api.url,
        'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
        { e: email, p: password },
        from,
      ) as Promise<Answer>;
    for (let attempt = 0; attempt < 5; attempt++) {
      const started = performance.now();
      const answer = await login(`${'a'.repeat(2_800)}@dondoc.local`, 'whatever-password');
      expectBadInput(answer, /email chỉ được dài tối đa 254 ký tự/);
      // argon2 alone costs more than this; a refusal before it costs a few queries.
      expect(performance.now() - started).toBeLessThan(2_000);
    }
    // The e-mail cut to its limit is one account: the sixth attempt on it waits.
    const locked = await login(`${'a'.repeat(2_800)}@dondoc.local`, 'whatever-password');
    expect(locked.body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    // Nobody else at the address is shut out.
    expect((await login('phunu@dondoc.local', DEMO_PASSWORD)).body.errors).toBeUndefined();

    const password = await graphql(
      api.url,
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: 'phunu@dondoc.local', p: 'p'.repeat(10_000) },
      { 'x-forwarded-for': '203.0.113.78', 'accept-language': 'en' },
    );
    expectBadInput(password as Answer, /password must be at most 200 characters/);
  });

  it('calls sixty bad values in one variable list bad input, not an internal error', async () => {
    const answer = await call(officer, 'query ($f: UserFilter) { _allUsersMeta(filter: $f) { count } }', {
      f: { ids: Array.from({ length: 60 }, (_, i) => [i]) },
    });
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.errors?.map((error) => error.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(answer.body.errors?.at(-1)?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('does not take client-chosen query hashes (no automatic persisted queries)', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...officer.headers },
      body: JSON.stringify({
        query: '{ __typename }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } },
      }),
    });
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as Answer['body'];
    expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('declares a limit on every String argument and input field of the live schema, and caps every id list', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const inputs: { position: string; type: GraphQLInputType; description: string }[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (type instanceof GraphQLObjectType) {
        for (const field of Object.values(type.getFields())) {
          for (const arg of field.args) {
            inputs.push({
              position: `${type.name}.${field.name}.${arg.name}`,
              type: arg.type,
              description: arg.description ?? '',
            });
          }
        }
      }
      if (type instanceof GraphQLInputObjectType) {
        for (const field of Object.values(type.getFields())) {
          inputs.push({
            position: `${type.name}.${field.name}`,
            type: field.type,
            description: field.description ?? '',
          });
        }
      }
    }
    const unbounded = inputs
      .filter(({ type }) => getNamedType(type) === GraphQLString)
      .filter(({ description }) => !/At most [\d,]+ characters\./.test(description))
      .map(({ position }) => position);
    expect(unbounded).toEqual([]);
    const uncappedIdLists = inputs
      .filter(
        ({ type, position }) => getNullableType(type) instanceof GraphQLList && position.endsWith('.ids'),
      )
      .filter(({ description }) => !description.includes('At most 1,000 ids'))
      .map(({ position }) => position);
    expect(uncappedIdLists).toEqual([]);
    // The ids that are not UUIDs name real positions, so a rename cannot silently open them up.
    const idPositions = inputs
      .filter(({ type }) => getNamedType(type) === GraphQLID)
      .map(({ position }) => position);
    for (const position of Object.keys(NON_UUID_IDS)) expect(idPositions).toContain(position);
    process.stdout.write(
      `bounded inputs: ${inputs.filter(({ type }) => getNamedType(type) === GraphQLString).length} String and ${idPositions.length} ID arguments and input fields checked\n`,
    );
  });

  it('enforces, on every root operation as an administrator, each String limit, the NUL refusal and the UUID check', async () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const roots = [
      ['query', schema.getQueryType()!],
      ['mutation', schema.getMutationType()!],
    ] as const;
    const failures: string[] = [];
    let sent = 0;
    for (const [kind, root] of roots) {
      for (const field of Object.values(root.getFields())) {
        for (const leaf of leavesOf(root, field)) {
          const hostile: { value: string; expect: RegExp }[] = [];
          if (leaf.named === 'ID' && !(leaf.position in NON_UUID_IDS)) {
            hostile.push({ value: DASHES, expect: /không phải mã định danh hợp lệ/ });
          }
          if (leaf.named === 'String') {
            hostile.push({ value: 'a\u0000b', expect: /chứa ký tự NUL/ });
            const limit = Number(
              /At most ([\d,]+) characters/.exec(leaf.description)?.[1]?.replace(/,/g, ''),
            );
            // The document limits (20 and 28 million) are the body limit's business.
            if (limit <= 100_000) {
              const vi = limit.toLocaleString('de-DE');
              hostile.push({
                value: 'x'.repeat(limit + 1),
                expect: new RegExp(`tối đa ${vi.replace('.', '\\.')} ký tự`),
              });
            }
          }
          for (const { value, expect: wanted } of hostile) {
            const variables = Object.fromEntries(
              field.args
                .filter((arg) => arg.name === leaf.path[0] || arg.type instanceof GraphQLNonNull)
                .map((arg) => [
                  arg.name,
                  arg.name === leaf.path[0] ? build(arg.type, leaf.path.slice(1), value) : sample(arg.type),
                ]),
            );
            const declared = field.args
              .filter((arg) => arg.name in variables)
              .map((arg) => `$${arg.name}: ${String(arg.type)}`);
            const passed = field.args
              .filter((arg) => arg.name in variables)
              .map((arg) => `${arg.name}: $${arg.name}`);
            const selection = getNamedType(field.type) instanceof GraphQLObjectType ? ' { __typename }' : '';
            const operation = `${kind}${declared.length ? ` (${declared.join(', ')})` : ''} { ${field.name}${passed.length ? `(${passed.join(', ')})` : ''}${selection} }`;
            const answer = await graphql(api.url, operation, variables, {
              ...admin.headers,
              // login counts refusals per address: each its own, so nobody is locked out.
              'x-forwarded-for': `198.51.100.${sent % 250}`,
            });
            sent++;
            const error = answer.body.errors?.[0];
            if (
              answer.status >= 500 ||
              error?.extensions?.code !== 'BAD_USER_INPUT' ||
              !wanted.test(error.message)
            ) {
              failures.push(
                `${leaf.position} ← ${value.slice(0, 12)}…: ${answer.status} ${JSON.stringify(error ?? answer.body).slice(0, 200)}`,
              );
            }
          }
        }
      }
    }
    process.stdout.write(
      `bounded inputs: ${sent} hostile operations sent, ${failures.length} not refused as bad input\n`,
    );
    expect(failures).toEqual([]);
  });
});

interface Leaf {
  position: string;
  path: string[];
  named: 'String' | 'ID';
  description: string;
}

/** Every String and ID reachable from a root field's arguments, through input objects. */
function leavesOf(root: GraphQLObjectType, field: GraphQLField<unknown, unknown>): Leaf[] {
  const found: Leaf[] = [];
  const walk = (
    type: GraphQLInputType,
    path: string[],
    position: string,
    description: string,
    depth: number,
  ) => {
    const named = getNamedType(type);
    if (named === GraphQLString || named === GraphQLID)
      found.push({ position, path, named: named.name as Leaf['named'], description });
    if (named instanceof GraphQLInputObjectType && depth < 4) {
      for (const inner of Object.values(named.getFields())) {
        walk(
          inner.type,
          [...path, inner.name],
          `${named.name}.${inner.name}`,
          inner.description ?? '',
          depth + 1,
        );
      }
    }
  };
  for (const arg of field.args)
    walk(arg.type, [arg.name], `${root.name}.${field.name}.${arg.name}`, arg.description ?? '', 0);
  return found;
}

/** A value of the type with its required parts filled in plausibly, the path holding `hostile`. */
function build(type: GraphQLInputType, path: string[], hostile: string): unknown {
  const nullable = getNullableType(type);
  if (nullable instanceof GraphQLList) return [build(nullable.ofType as GraphQLInputType, path, hostile)];
  if (path.length === 0) return hostile;
  const named = getNamedType(type) as GraphQLInputObjectType;
  const value = sample(named) as Record<string, unknown>;
  const field = named.getFields()[path[0]!]!;
  value[field.name] = build(field.type, path.slice(1), hostile);
  return value;
}

function sample(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type);
  if (nullable instanceof GraphQLList) return [sample(nullable.ofType as GraphQLInputType)];
  if (nullable instanceof GraphQLInputObjectType) {
    return Object.fromEntries(
      Object.values(nullable.getFields())
        .filter((field) => field.type instanceof GraphQLNonNull)
        .map((field) => [field.name, sample(field.type)]),
    );
  }
  if (nullable instanceof GraphQLEnumType) return nullable.getValues()[0]!.name;
  if (!isLeafType(nullable)) return null;
  switch (nullable.name) {
    case 'ID':
      return '6f1d8a4e-0c1b-4c57-9b0e-2d3a4b5c6d7e';
    case 'Int':
      return 1;
    case 'Boolean':
      return true;
    case 'Date':
      return '2026-06-30';
    default:
      return 'a';
  }
}
