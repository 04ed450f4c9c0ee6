import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  getOperationAST,
  type GraphQLField,
  type GraphQLSchema,
  isLeafType,
  isListType,
  isObjectType,
  parse,
  validate,
} from 'graphql';

import { DEFAULT_PER_PAGE, loadConfig, MAX_PER_PAGE } from '@dondoc/platform';

import { hasMoreTokensThan } from './count-tokens.js';
import { measureOperation, type OperationMeasure } from './measure-operation.js';

const ADMIN_SOURCES = join(process.cwd(), 'apps/admin/src');
const schema = buildSchema(readFileSync(join(process.cwd(), 'apps/api/schema.gql'), 'utf8'));
const limits = loadConfig({}).graphqlLimits;
/** The console must stay this far under every limit, so a new screen does not meet one by surprise. */
const HEADROOM = 0.5;

/**
 * Lists that read every field of the record at the largest page the console asks for: the
 * organization tree reads all bodies at once, and these lists export 1,000 rows as shown.
 * The other lists name their fields (sparse fields) and are measured that way at 1,000 rows.
 */
const FULL_RECORD_PAGES = ['Organization', 'User', 'AuditEvent', 'Notification'];

interface ConsoleQuery {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

describe("the console's queries under the default GraphQL limits", () => {
  const queries = [...handWrittenQueries(), ...dataProviderQueries(schema), introspection()];

  it('finds the hand-written operations and a list, a record and its writes per resource', () => {
    const names = queries.map((query) => query.name);
    expect(names).toEqual(
      expect.arrayContaining(['DASHBOARD', 'ASSIGNMENT_PAGE', 'PARSE_DOCUMENT', 'SET_CONFIDENTIAL']),
    );
    expect(names).toEqual(expect.arrayContaining(['getList Assignment', 'getOne Organization']));
    expect(queries.length).toBeGreaterThan(50);
  });

  it('keeps every one valid and at most half of every limit', () => {
    const measured = queries.map(({ name, query, variables }) => {
      const document = parse(query);
      expect({ name, errors: validate(schema, document).map((e) => e.message) }).toEqual({
        name,
        errors: [],
      });
      const operation = getOperationAST(document);
      if (!operation) throw new Error(`${name}: no single operation`);
      return { name, query, ...measureOperation(schema, document, operation, variables) };
    });
    const over = measured.flatMap((m) => overHalf(m, m.name));
    const longQueries = queries.filter((q) => hasMoreTokensThan(q.query, limits.maxTokens * HEADROOM));
    expect(over).toEqual([]);
    expect(longQueries.map((q) => q.name)).toEqual([]);

    const costliest = [...measured].sort((a, b) => b.cost - a.cost)[0];
    const deepest = [...measured].sort((a, b) => b.depth - a.depth)[0];
    process.stdout.write(
      `console queries: ${measured.length}; costliest ${costliest?.name} (cost ${costliest?.cost} of ${limits.maxCost}); ` +
        `deepest ${deepest?.name} (depth ${deepest?.depth} of ${limits.maxDepth}); ` +
        `most fields ${Math.max(...measured.map((m) => m.fields))} of ${limits.maxFields}; ` +
        `most aliases ${Math.max(...measured.map((m) => m.aliases))} of ${limits.maxAliases}\n`,
    );
  });
});

describe("the test suites' and benches' queries under the default GraphQL limits", () => {
  it('keeps every literal operation that validates at most half of every limit', () => {
    // The suites that send hostile operations on purpose are left out.
    const files = [
      ...sourceFiles(join(process.cwd(), 'test')),
      ...sourceFiles(join(process.cwd(), 'scripts')),
    ].filter((file) => !/query-cost|fuzz|hostile/.test(file));
    const operations = files.flatMap((file) => literalOperations(readFileSync(file, 'utf8')));
    const over = operations.flatMap((query) => {
      const document = parse(query);
      const operation = getOperationAST(document);
      if (!operation || validate(schema, document).length > 0) return [];
      return overHalf(measureOperation(schema, document, operation, {}), query.slice(0, 80));
    });
    expect(operations.length).toBeGreaterThan(100);
    expect(over).toEqual([]);
  });
});

/** String literals without interpolation that parse as a GraphQL document. */
function literalOperations(text: string): string[] {
  const literals = [...text.matchAll(/`([^`$]*)`|'((?:[^'\\\n]|\\.)*)'/g)].map((m) => m[1] ?? m[2] ?? '');
  return literals.filter((literal) => {
    if (!/^\s*(query|mutation|\{)/.test(literal)) return false;
    try {
      parse(literal);
      return true;
    } catch {
      return false;
    }
  });
}

function overHalf(measure: OperationMeasure, name: string): string[] {
  const pairs: [keyof OperationMeasure, number][] = [
    ['depth', limits.maxDepth],
    ['aliases', limits.maxAliases],
    ['fields', limits.maxFields],
    ['cost', limits.maxCost],
  ];
  return pairs
    .filter(([key, maximum]) => measure[key] > maximum * HEADROOM)
    .map(([key, maximum]) => `${name}: ${key} ${measure[key]} of ${maximum}`);
}

/**
 * The operations the console writes out as text: every string constant in apps/admin/src
 * that starts with `query` or `mutation`, with `${CONSTANT}` pieces put back in.
 */
function handWrittenQueries(): ConsoleQuery[] {
  const constants = new Map<string, string>();
  for (const file of sourceFiles(ADMIN_SOURCES)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/const\s+([A-Z][A-Z0-9_]*)\s*=\s*(`[^`]*`|'[^'\n]*')/g)) {
      constants.set(match[1] as string, (match[2] as string).slice(1, -1));
    }
  }
  const resolve = (text: string, seen: string[] = []): string =>
    text.replace(/\$\{([A-Z][A-Z0-9_]*)\}/g, (_, name: string) => {
      const value = constants.get(name);
      if (value === undefined || seen.includes(name))
        throw new Error(`cannot resolve \${${name}} in a console query`);
      return resolve(value, [...seen, name]);
    });
  return [...constants]
    .filter(([, text]) => /^\s*(query|mutation)\b/.test(text))
    .map(([name, text]) => ({ name, query: resolve(text), variables: {} }));
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(tsx?|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * What ra-data-graphql-simple sends for each resource (an `allXs` query): a list of every field
 * of the record (linked records as `{ id }`, other objects expanded), a list of the record's own
 * values and linked records as the console's sparse fields ask at 1,000 rows (the calendar and
 * CSV exports), one record, and its writes.
 */
/**
 * The page sizes of every `<ReferenceManyField>` in the console that asks for whole records
 * (no sparse fields in its `queryOptions`), by resource: a screen that lists 200 whole tasks
 * costs what 200 whole tasks cost, not a default page's worth.
 */
function wholeRecordReferencePages(): Map<string, number[]> {
  const pages = new Map<string, number[]>();
  for (const file of sourceFiles(ADMIN_SOURCES).filter((path) => path.endsWith('.tsx'))) {
    for (const [tag] of readFileSync(file, 'utf8').matchAll(/<ReferenceManyField\b(?:[^>]|=>)*>/g)) {
      if (/sparseFields|queryOptions/.test(tag)) continue;
      const resource = /reference="(\w+)"/.exec(tag)?.[1];
      if (!resource) continue;
      const perPage = Number(/perPage=\{(\d+)\}/.exec(tag)?.[1] ?? DEFAULT_PER_PAGE);
      pages.set(resource, [...(pages.get(resource) ?? []), perPage]);
    }
  }
  return pages;
}

function dataProviderQueries(schema: GraphQLSchema): ConsoleQuery[] {
  const wholeRecordReferences = wholeRecordReferencePages();
  const query = schema.getQueryType()!;
  const mutation = schema.getMutationType()!;
  const resources = Object.keys(query.getFields())
    .filter((name) => /^all[A-Z]/.test(name))
    .map((name) => name.slice(3, -1))
    .filter((name) => isObjectType(schema.getType(name)));
  const isResource = (name: string) => resources.includes(name);

  const everyField = (fields: GraphQLField<unknown, unknown>[], path: string[]): string =>
    fields
      .flatMap((field) => {
        const type = getNamedType(field.type);
        if (type.name.startsWith('_')) return [];
        if (isLeafType(type)) return [field.name];
        if (isResource(type.name)) return [`${field.name} { id }`];
        if (!isObjectType(type) || path.includes(type.name)) return [];
        return [`${field.name} { ${everyField(Object.values(type.getFields()), [...path, type.name])} }`];
      })
      .join(' ');
  const sparse = (fields: GraphQLField<unknown, unknown>[]): string =>
    fields
      .flatMap((field) => {
        const type = getNamedType(field.type);
        if (isLeafType(type)) return [field.name];
        const single = !isListType(getNullableType(field.type));
        return single && isResource(type.name) ? [`${field.name} { id }`] : [];
      })
      .join(' ');

  return resources.flatMap((resource) => {
    const own = Object.values((schema.getType(resource) as typeof query).getFields());
    const fields = everyField(own, [resource]);
    const listArgs = `$filter: ${resource}Filter, $page: Int, $perPage: Int, $sortField: String, $sortOrder: String`;
    const passArgs =
      'filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder';
    const list = (name: string, selection: string, perPage: number): ConsoleQuery => ({
      name,
      query: `query all${resource}s(${listArgs}) { items: all${resource}s(${passArgs}) { ${selection} } total: _all${resource}sMeta(${passArgs}) { count } }`,
      variables: { perPage, page: 0 },
    });
    const queries: ConsoleQuery[] = [
      list(
        `getList ${resource}`,
        fields,
        FULL_RECORD_PAGES.includes(resource) ? MAX_PER_PAGE : DEFAULT_PER_PAGE,
      ),
      ...(wholeRecordReferences.get(resource) ?? []).map((perPage) =>
        list(`ReferenceManyField ${resource} (whole records, ${perPage} a page)`, fields, perPage),
      ),
      list(`getList ${resource} (sparse, export)`, sparse(own), MAX_PER_PAGE),
      {
        name: `getOne ${resource}`,
        query: `query ${resource}($id: ID!) { data: ${resource}(id: $id) { ${fields} } }`,
        variables: {},
      },
    ];
    for (const verb of ['create', 'update', 'delete']) {
      const write = mutation.getFields()[`${verb}${resource}`];
      if (!write || getNamedType(write.type).name !== resource) continue;
      const args = write.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const pass = write.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      queries.push({
        name: `${verb} ${resource}`,
        query: `mutation ${verb}${resource}(${args}) { data: ${verb}${resource}(${pass}) { ${fields} } }`,
        variables: {},
      });
    }
    return queries;
  });
}

/** ra-data-graphql reads the schema once at start with the standard introspection query. */
function introspection(): ConsoleQuery {
  return { name: 'introspection', query: getIntrospectionQuery(), variables: {} };
}
