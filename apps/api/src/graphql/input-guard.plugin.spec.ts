import type { GraphQLRequestListener } from '@apollo/server';
import { buildSchema, type DocumentNode, parse } from 'graphql';

import type { RequestContext } from '../auth/request-context.js';
import { inputGuardPlugin } from './input-guard.plugin.js';

const schema = buildSchema(`
  input Filter { q: String, ids: [ID!] }
  type Row { id: ID! }
  type Query { rows(filter: Filter, first: Int): [Row!]! }
`);
const UUID = '7b1f2a40-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

/** The guard's answer for one request: null when it lets the operation through. */
async function guard(document: DocumentNode, variables: Record<string, unknown>): Promise<string | null> {
  const plugin = inputGuardPlugin();
  const listener = (await plugin.requestDidStart!({} as never)) as GraphQLRequestListener<RequestContext>;
  const context = { req: { headers: { 'accept-language': 'en' } } } as unknown as RequestContext;
  try {
    await listener.didResolveOperation!({
      document,
      request: { variables },
      schema,
      contextValue: context,
    } as never);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('inputGuardPlugin', () => {
  // Apollo hands the same parsed document back for every request of a query it has seen.
  const document = parse(
    'query ($f: Filter) { a: rows(filter: $f) { id } b: rows(filter: { q: "x" }) { id } }',
  );

  it('checks the variables of every request of one document, not those of the first', async () => {
    expect(await guard(document, { f: { q: 'ok', ids: [UUID] } })).toBeNull();
    expect(await guard(document, { f: { ids: [UUID, 'nope'] } })).toBe(
      'filter.ids[1] is not a valid id: "nope"',
    );
    expect(await guard(document, { f: { q: 'a\u0000b' } })).toBe(
      'filter.q contains a NUL character (\\u0000), which text may not hold',
    );
    expect(await guard(document, { f: null })).toBeNull();
  });

  it('names the first refused argument in document order, inline values included', async () => {
    const inline = parse(
      `{ a: rows(filter: { ids: ["${UUID}"] }) { id } b: rows(filter: { ids: ["", "x"] }) { id } }`,
    );
    expect(await guard(inline, {})).toBe('filter.ids[0] is not a valid id: ""');
    expect(await guard(inline, {})).toBe('filter.ids[0] is not a valid id: ""');
  });
});
