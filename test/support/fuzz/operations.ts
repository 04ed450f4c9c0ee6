import { createHash } from 'node:crypto';

import { type GraphQLSchema, isNonNullType } from 'graphql';

import type { IdPool } from './hostile-values.js';
import { malformedRequest } from './malformed.js';
import type { Random } from './random.js';
import {
  deepSelection,
  loopSelection,
  loopsOf,
  objectReturn,
  type RootField,
  rootFields,
  selectionFor,
  ValueMaker,
  type ValueMode,
} from './schema-walker.js';

/** One HTTP request the suite sends, as each role. */
export interface FuzzOperation {
  index: number;
  /** What kind of hostility: hostile-args, real-ids, paging, deep-nesting, aliases, wide, malformed. */
  family: string;
  /** The root field, or the malformed shape's name. */
  target: string;
  method: 'POST' | 'GET';
  /** Query string for GET (starting with ?), empty otherwise. */
  search: string;
  contentType: string | null;
  body: string | null;
  /** Heavy operations get a probe sent alongside them. */
  heavy: boolean;
}

const FAMILIES: readonly [string, number][] = [
  ['hostile-args', 0.52],
  ['real-ids', 0.14],
  ['paging', 0.1],
  ['deep-nesting', 0.05],
  ['aliases', 0.03],
  ['wide', 0.03],
  ['malformed', 0.13],
];

/** Requests larger than this are cut back: the run must not be dominated by sending bytes. */
const MAX_BODY = 1_100_000;

/**
 * Derives `count` distinct operations from the schema; the same seed gives the same list.
 */
export function generateOperations(
  schema: GraphQLSchema,
  random: Random,
  pool: IdPool,
  count: number,
): FuzzOperation[] {
  const values = new ValueMaker(random, pool);
  const roots = rootFields(schema);
  const seen = new Set<string>();
  const operations: FuzzOperation[] = [];
  let attempts = 0;
  while (operations.length < count && attempts < count * 20) {
    attempts += 1;
    const family = pickFamily(random);
    const operation =
      family === 'malformed'
        ? { family, ...malformedRequest(random, schema) }
        : graphqlOperation(family, random, values, roots, pool, schema);
    if (!operation) continue;
    const request: FuzzOperation = {
      index: operations.length,
      method: 'POST',
      search: '',
      contentType: 'application/json',
      heavy: family === 'deep-nesting' || family === 'aliases',
      ...operation,
    };
    if ((request.body?.length ?? 0) + request.search.length > MAX_BODY) continue;
    const key = createHash('sha1')
      .update(`${request.method} ${request.contentType} ${request.search} ${request.body}`)
      .digest('hex');
    if (seen.has(key)) continue;
    seen.add(key);
    operations.push(request);
  }
  return operations;
}

function pickFamily(random: Random): string {
  let roll = random.next();
  for (const [family, weight] of FAMILIES) {
    if ((roll -= weight) < 0) return family;
  }
  return 'hostile-args';
}

type Root = { kind: 'query' | 'mutation'; field: RootField };

function graphqlOperation(
  family: string,
  random: Random,
  values: ValueMaker,
  roots: readonly Root[],
  pool: IdPool,
  schema: GraphQLSchema,
): Omit<FuzzOperation, 'index' | 'method' | 'search' | 'contentType' | 'heavy'> | null {
  const queries = roots.filter((r) => r.kind === 'query');
  let root: Root;
  let mode: ValueMode = 'hostile';
  let selection: (type: NonNullable<ReturnType<typeof objectReturn>>) => string = (type) =>
    selectionFor(type, random.int(0, 1), random);
  let aliases = 1;
  switch (family) {
    case 'real-ids':
      root = random.pick(roots);
      mode = 'plausible';
      selection = (type) => selectionFor(type, 2, random);
      break;
    case 'paging': {
      const lists = queries.filter((r) => r.field.args.some((a) => a.name === 'perPage'));
      root = random.pick(lists);
      return pagingOperation(root, random, values);
    }
    case 'deep-nesting': {
      const lists = queries.filter(
        (r) => /^all[A-Z]/.test(r.field.name) || pool.byType[r.field.name]?.length,
      );
      const loops = loopsOf(schema);
      mode = 'plausible';
      if (random.chance(0.5) && loops.length > 0) {
        // A loop such as Document.tasks → Task.document → tasks …, from a root giving its type.
        const loop = random.pick(loops);
        const starts = lists.filter((r) => objectReturn(r.field) === loop.from);
        if (starts.length === 0) return null;
        root = random.pick(starts);
        const turns = random.int(3, 8);
        selection = () => loopSelection(loop, turns);
      } else {
        root = random.pick(lists);
        const depth = random.int(4, 14);
        selection = (type) => deepSelection(type, depth, random);
      }
      break;
    }
    case 'aliases':
      root = random.pick(queries);
      mode = 'plausible';
      aliases = random.pick([100, 100, 200, 300, 500, 1_000, 2_000]);
      selection = (type) => selectionFor(type, 0, random);
      break;
    case 'wide':
      root = random.pick(queries);
      mode = 'plausible';
      selection = (type) => selectionFor(type, 3, random, true);
      break;
    default:
      root = random.pick(roots);
  }
  const { field } = root;
  const declarations: string[] = [];
  const argumentsText: string[] = [];
  const variables: Record<string, unknown> = {};
  field.args.forEach((arg, i) => {
    const required = isNonNullType(arg.type);
    if (!required && random.chance(mode === 'plausible' ? 0.7 : 0.4)) return;
    const name = `a${i}`;
    declarations.push(`$${name}: ${arg.type.toString()}`);
    argumentsText.push(`${arg.name}: $${name}`);
    variables[name] =
      mode === 'plausible' && arg.type.toString() === 'ID!' && pool.byType[field.name]?.length
        ? random.pick(pool.byType[field.name] as string[])
        : values.value(arg.type, mode, arg.name);
  });
  const type = objectReturn(field);
  const body = type ? ` { ${selection(type)} }` : '';
  const call = `${field.name}${argumentsText.length ? `(${argumentsText.join(', ')})` : ''}${body}`;
  const fields = aliases === 1 ? call : Array.from({ length: aliases }, (_, i) => `f${i}: ${call}`).join(' ');
  const query = `${root.kind} Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''} { ${fields} }`;
  return { family, target: field.name, body: JSON.stringify({ query, variables }) };
}

/** A list query with extreme pages, sorts and filters (a long `q` among them). */
function pagingOperation(
  root: Root,
  random: Random,
  values: ValueMaker,
): Omit<FuzzOperation, 'index' | 'method' | 'search' | 'contentType' | 'heavy'> {
  const { field } = root;
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const argumentsText: string[] = [];
  for (const arg of field.args) {
    let value: unknown;
    if (arg.name === 'page') value = random.pick([0, -1, 1, 40, 1_000_000, 2_147_483_647, -2_147_483_648]);
    else if (arg.name === 'perPage') value = random.pick([0, -1, 1, 1_000, 1_001, 100_000, 2_147_483_647]);
    else if (arg.name === 'sortField')
      value = random.pick([
        'id',
        'name',
        'createdAt',
        'nope',
        '',
        'id; --',
        '"id"',
        'x'.repeat(5_000),
        '\u0000',
      ]);
    else if (arg.name === 'sortOrder') value = random.pick(['ASC', 'DESC', 'asc', '', 'SIDEWAYS', '\u0000']);
    else value = values.value(arg.type, random.chance(0.5) ? 'hostile' : 'plausible', arg.name);
    if (random.chance(0.2)) continue;
    declarations.push(`$${arg.name}: ${arg.type.toString()}`);
    argumentsText.push(`${arg.name}: $${arg.name}`);
    variables[arg.name] = value;
  }
  const type = objectReturn(field);
  const selection = type ? ` { ${type.getFields().id ? 'id' : Object.keys(type.getFields())[0]} }` : '';
  const query = `query Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''} { ${field.name}${
    argumentsText.length ? `(${argumentsText.join(', ')})` : ''
  }${selection} }`;
  return { family: 'paging', target: field.name, body: JSON.stringify({ query, variables }) };
}
