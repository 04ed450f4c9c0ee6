import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildSchema, getNamedType, getOperationAST, isCompositeType, isObjectType, parse } from 'graphql';

import { loadConfig } from '@dondoc/platform';

import { IN_MEMORY_TYPES } from './list-bounds.js';
import { INTROSPECTION_COST, measureOperation } from './measure-operation.js';
import { checkQueryLimits } from './query-too-complex.js';

const schema = buildSchema(readFileSync(join(process.cwd(), 'apps/api/schema.gql'), 'utf8'));
const defaults = loadConfig({}).graphqlLimits;

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  return measureOperation(schema, document, operation, variables);
}

describe('measuring a GraphQL operation before it runs', () => {
  it('counts a page of a list times its children, from the literal perPage or the default page', () => {
    expect(measure('{ allOrganizations(perPage: 100) { id parent { id } } }').cost).toBe(100 * (1 + 1));
    expect(measure('{ allOrganizations { id } }').cost).toBe(25);
  });

  it('reads the page size from the request variables, then the variable default', () => {
    const query = 'query Q($n: Int = 40) { allOrganizations(perPage: $n) { id } }';
    expect(measure(query, { n: 700 }).cost).toBe(700);
    expect(measure(query).cost).toBe(40);
  });

  it('counts a page beyond the maximum as the maximum, so the list itself names the bad perPage', () => {
    expect(measure('{ allOrganizations(perPage: 5000) { id } }').cost).toBe(1000);
    expect(measure('query Q($n: Int) { allOrganizations(perPage: $n) { id } }', { n: 'many' }).cost).toBe(
      1000,
    );
  });

  it('multiplies unpaged lists by their declared bound, so a loop through them grows as its work does', () => {
    const loop =
      '{ allDocuments { tasks { document { tasks { document { tasks { document { tasks { id } } } } } } } } }';
    const measured = measure(loop);
    expect(measured.depth).toBe(9);
    expect(measured.cost).toBeGreaterThan(100_000_000);
    expect(checkQueryLimits(measured, defaults)?.details).toMatchObject({
      limit: 'cost',
      maximum: defaults.maxCost,
    });
  });

  it('counts fields and aliases inside fragments as expanded, in linear time', () => {
    // Each fragment spreads the next one twice: 2^30 fields once expanded.
    const chain = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Organization { ...F${i + 1} ...F${i + 1} }`,
    ).concat('fragment F30 on Organization { id name }');
    const started = performance.now();
    const measured = measure(`{ Organization(id: "x") { ...F0 } } ${chain.join(' ')}`);
    expect(performance.now() - started).toBeLessThan(100);
    expect(measured.fields).toBe(1 + 2 ** 31);

    const aliased = measure(
      '{ me { id } a: me { id } ...Q } fragment Q on Query { b: permissionMap { r: role } c: me { id } }',
    );
    expect(aliased.aliases).toBe(4);
  });

  it('counts 1,000 aliased pages of organizations as a million records and too many aliases', () => {
    const fields = Array.from({ length: 1000 }, (_, i) => `o${i}: allOrganizations(perPage: 1000) { id }`);
    const measured = measure(`{ ${fields.join(' ')} }`);
    expect(measured).toMatchObject({ aliases: 1000, cost: 1_000_000, fields: 2000 });
    expect(checkQueryLimits(measured, defaults)?.details).toMatchObject({ limit: 'aliases', actual: 1000 });
  });

  it('prices an introspection query as a whole, however deep it nests', () => {
    const measured = measure('{ __schema { types { name fields { name type { name ofType { name } } } } } }');
    expect(measured).toEqual({ depth: 1, aliases: 0, fields: 1, cost: INTROSPECTION_COST });
  });

  it('prices a count or a dashboard like the largest page: it reads every row it counts', () => {
    expect(measure('{ _allAssignmentsMeta { count } }').cost).toBe(1000);
    expect(measure('{ dashboard { total byTimeliness { count } } }').cost).toBe(1000 + 6);
    const counts = Array.from({ length: 25 }, (_, i) => `c${i}: _allAssignmentsMeta { count }`).join(' ');
    expect(checkQueryLimits(measure(`{ ${counts} }`), defaults)?.details).toMatchObject({ limit: 'cost' });
  });

  it('reads a parsed outline for nothing, as long as nothing under it reaches the database', () => {
    const outline = measure(
      'mutation ($input: DocumentInput!) { parseDocument(input: $input) { tasks { children { children { text } } } } }',
    );
    expect(outline.cost).toBe(0);
    for (const name of IN_MEMORY_TYPES) {
      const type = schema.getType(name);
      if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
      const reaching = Object.values(type.getFields())
        .map((field) => getNamedType(field.type))
        .filter((child) => isCompositeType(child) && !IN_MEMORY_TYPES.has(child.name));
      expect({ name, reaching: reaching.map(String) }).toEqual({ name, reaching: [] });
    }
  });

  it('says which limit was passed, with both figures, in Vietnamese and in English', () => {
    const refusal = checkQueryLimits({ depth: 3, aliases: 0, fields: 10, cost: 1_250_000 }, defaults);
    expect(refusal?.code).toBe('QUERY_TOO_COMPLEX');
    expect(refusal?.messageIn('en')).toContain('up to 1,250,000 records; at most 20,000');
    expect(refusal?.messageIn('vi')).toContain('tới 1.250.000 bản ghi; tối đa 20.000');
    expect(
      checkQueryLimits({ depth: 13, aliases: 0, fields: 10, cost: 1 }, defaults)?.messageIn('vi'),
    ).toContain('sâu 13 cấp; tối đa 12 cấp');
    expect(checkQueryLimits({ depth: 2, aliases: 0, fields: 501, cost: 1 }, defaults)?.details).toEqual({
      limit: 'fields',
      maximum: 500,
      actual: 501,
    });
    expect(checkQueryLimits({ depth: 12, aliases: 30, fields: 500, cost: 20_000 }, defaults)).toBeNull();
  });
});
