import type { GraphQLSchema } from 'graphql';

import type { Random } from './random.js';

interface Malformed {
  target: string;
  method: 'POST' | 'GET';
  search: string;
  contentType: string | null;
  body: string | null;
  heavy: boolean;
}

const json = (value: unknown) => JSON.stringify(value);

/**
 * Requests that are not a well-formed GraphQL operation: broken syntax, unknown fields,
 * batches, wrong content types, bodies that are not JSON, token floods, deep brackets.
 */
export function malformedRequest(random: Random, schema: GraphQLSchema): Malformed {
  const fields = Object.keys(schema.getQueryType()?.getFields() ?? {});
  const field = random.pick(fields);
  const n = random.pick([10, 100, 1_000, 10_000, 50_000]);
  const shapes: [string, () => Partial<Malformed>][] = [
    ['syntax-error', () => ({ body: json({ query: `{ ${field} { id ` }) })],
    ['unterminated-string', () => ({ body: json({ query: `{ ${field}(id: "abc ) { id } }` }) })],
    ['bad-escape', () => ({ body: json({ query: `{ ${field}(id: "\\uZZZZ") { id } }` }) })],
    ['unknown-field', () => ({ body: json({ query: `{ ${field} { noSuchField${random.int(0, 9)} } }` }) })],
    ['unknown-root', () => ({ body: json({ query: `{ nope${random.int(0, 999)} }` }) })],
    ['unknown-argument', () => ({ body: json({ query: `{ ${field}(nope: 1) { __typename } }` }) })],
    ['token-flood', () => ({ body: json({ query: `{ ${'__typename '.repeat(n)}}` }), heavy: true })],
    ['comment-flood', () => ({ body: json({ query: `{ __typename ${'#x\n'.repeat(n)}}` }) })],
    ['deep-brackets', () => ({ body: json({ query: `${'{ a '.repeat(n)}${'}'.repeat(n)}` }), heavy: true })],
    [
      'deep-list-literal',
      () => ({ body: json({ query: `{ Task(id: ${'['.repeat(n)}${']'.repeat(n)}) { id } }` }), heavy: true }),
    ],
    [
      'deep-variables',
      () => {
        // Written out by hand: JSON.stringify itself would overflow the stack on this value.
        const depth = Math.min(n, 10_000);
        const query = JSON.stringify('query ($x: [ID!]) { allTasks(filter: { ids: $x }) { id } }');
        return { body: `{"query":${query},"variables":{"x":${'['.repeat(depth)}"1"${']'.repeat(depth)}}}` };
      },
    ],
    [
      'many-fragments',
      () => ({
        body: json({
          query: `{ ...F0 } ${Array.from({ length: Math.min(n, 2_000) }, (_, i) => `fragment F${i} on Query { __typename ${i + 1 < Math.min(n, 2_000) ? `...F${i + 1}` : ''} }`).join(' ')}`,
        }),
        heavy: true,
      }),
    ],
    [
      'fragment-cycle',
      () => ({ body: json({ query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }) }),
    ],
    [
      'many-directives',
      () => ({ body: json({ query: `{ __typename ${'@include(if: true) '.repeat(Math.min(n, 5_000))}}` }) }),
    ],
    [
      'many-operations',
      () => ({
        body: json({
          query: Array.from({ length: Math.min(n, 2_000) }, (_, i) => `query Q${i} { __typename }`).join(' '),
          operationName: 'Q0',
        }),
      }),
    ],
    [
      'unknown-operation-name',
      () => ({ body: json({ query: 'query A { __typename }', operationName: 'B' }) }),
    ],
    [
      'missing-operation-name',
      () => ({ body: json({ query: 'query A { __typename } query B { __typename }' }) }),
    ],
    ['query-not-string', () => ({ body: json({ query: random.pick<unknown>([1, null, [], {}, true]) }) })],
    [
      'variables-not-object',
      () => ({
        body: json({ query: '{ __typename }', variables: random.pick<unknown>(['x', 1, [], true]) }),
      }),
    ],
    [
      'extensions-junk',
      () => ({
        body: json({
          query: '{ __typename }',
          extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } },
        }),
      }),
    ],
    ['no-query', () => ({ body: json({}) })],
    [
      'batch',
      () => ({
        body: json(Array.from({ length: random.pick([1, 2, 100]) }, () => ({ query: '{ __typename }' }))),
      }),
    ],
    ['json-not-object', () => ({ body: random.pick(['null', '1', '"x"', 'true', '[]']) })],
    [
      'broken-json',
      () => ({
        body: random.pick([
          '{',
          '{"query":',
          '{"query": "{ __typename }"',
          '\u0000',
          '{"query": "\\ud800"}',
          '',
        ]),
      }),
    ],
    [
      'deep-json',
      () => ({ body: `${'{"a":'.repeat(Math.min(n, 10_000))}1${'}'.repeat(Math.min(n, 10_000))}` }),
    ],
    ['duplicate-keys', () => ({ body: '{"query": "{ __typename }", "query": "{ me { id } }"}' })],
    ['text-plain', () => ({ contentType: 'text/plain', body: json({ query: '{ __typename }' }) })],
    [
      'form-encoded',
      () => ({ contentType: 'application/x-www-form-urlencoded', body: 'query=%7B__typename%7D' }),
    ],
    [
      'multipart',
      () => ({
        contentType: 'multipart/form-data; boundary=x',
        body: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--',
      }),
    ],
    ['no-content-type', () => ({ contentType: null, body: json({ query: '{ __typename }' }) })],
    ['graphql-content-type', () => ({ contentType: 'application/graphql', body: '{ __typename }' })],
    [
      'json-wrong-charset',
      () => ({ contentType: 'application/json; charset=utf-16', body: json({ query: '{ __typename }' }) }),
    ],
    [
      'get-query',
      () => ({
        method: 'GET',
        body: null,
        contentType: null,
        search: `?query=${encodeURIComponent(`{ ${field} { __typename } }`)}`,
      }),
    ],
    [
      'get-mutation',
      () => ({
        method: 'GET',
        body: null,
        contentType: null,
        search: `?query=${encodeURIComponent('mutation { logout(refreshToken: "x") }')}`,
      }),
    ],
    [
      'get-bad-variables',
      () => ({
        method: 'GET',
        body: null,
        contentType: null,
        search: `?query=%7B__typename%7D&variables=%7B`,
      }),
    ],
    [
      'binary-body',
      () => ({ body: Buffer.from(Array.from({ length: 512 }, () => random.int(0, 255))).toString('latin1') }),
    ],
    [
      'large-json',
      () => ({
        body: json({
          query: '{ __typename }',
          variables: { pad: 'p'.repeat(random.pick([100_000, 1_000_000])) },
        }),
      }),
    ],
  ];
  const [target, make] = random.pick(shapes);
  return {
    target,
    method: 'POST',
    search: '',
    contentType: 'application/json',
    body: null,
    heavy: false,
    ...make(),
  };
}
