import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

import {
  hostileBoolean,
  hostileDate,
  hostileDateTime,
  hostileEnum,
  hostileFloat,
  hostileId,
  hostileInt,
  hostileJson,
  hostileSearch,
  hostileString,
  type IdPool,
} from './hostile-values.js';
import type { Random } from './random.js';
import { zipBombDocx } from './zip-bomb.js';

/** Made once: 40 MB of XML in a few tens of kilobytes (the was 100 MB in 420 KB). */
let bomb: Buffer | undefined;
const zipBomb = () => (bomb ??= zipBombDocx(40_000_000));

/**
 * The schema the API serves, read from the committed apps/api/schema.gql (api.e2e keeps it
 * identical to the code's), so the suite needs no introspection, which production may refuse.
 */
export function loadSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(process.cwd(), 'apps/api/schema.gql'), 'utf8'));
}

export type RootField = GraphQLField<unknown, unknown>;

export function rootFields(schema: GraphQLSchema): { kind: 'query' | 'mutation'; field: RootField }[] {
  const query = Object.values(schema.getQueryType()?.getFields() ?? {}).map((field) => ({
    kind: 'query' as const,
    field,
  }));
  const mutation = Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({
    kind: 'mutation' as const,
    field,
  }));
  return [...query, ...mutation];
}

/** hostile: anything, often invalid; plausible: well-typed, with real ids, so resolvers run deep. */
export type ValueMode = 'hostile' | 'plausible';

/** Values for arguments and input fields, by type and by the name's meaning. */
export class ValueMaker {
  constructor(
    private readonly random: Random,
    private readonly pool: IdPool,
  ) {}

  value(type: GraphQLInputType, mode: ValueMode, name = '', depth = 0): unknown {
    const random = this.random;
    if (isNonNullType(type)) {
      if (mode === 'hostile' && random.chance(0.03)) return null;
      return this.value(type.ofType, mode, name, depth);
    }
    if (mode === 'hostile' && random.chance(0.05)) return null;
    if (isListType(type)) {
      if (depth > 3) return [];
      const length =
        mode === 'plausible'
          ? random.int(1, 3)
          : random.pick([0, 1, 2, 5, 50, random.chance(0.2) ? 1_000 : 10]);
      if (mode === 'hostile' && random.chance(0.05)) return this.value(type.ofType, mode, name, depth + 1);
      return Array.from({ length }, () => this.value(type.ofType, mode, name, depth + 1));
    }
    if (isInputObjectType(type)) {
      if (depth > 4) return {};
      if (type.name === 'DocumentInput' && mode === 'hostile' && random.chance(0.2)) {
        // The inflated-size attack needs its name too: only a .docx is unzipped.
        return {
          fileName: random.pick(['bomb.docx', 'bomb.DOCX']),
          fileBase64: zipBomb().toString('base64'),
        };
      }
      const object: Record<string, unknown> = {};
      for (const field of Object.values(type.getFields())) {
        const required = isNonNullType(field.type);
        if (!required && random.chance(mode === 'plausible' ? 0.5 : 0.4)) continue;
        object[field.name] = this.value(field.type, mode, field.name, depth + 1);
      }
      if (mode === 'hostile' && random.chance(0.05)) object.unknownField = 'x';
      return object;
    }
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      return mode === 'plausible' ? random.pick(values) : hostileEnum(random, values);
    }
    if (isScalarType(type)) return this.scalar(type.name, mode, name);
    return null;
  }

  private scalar(scalar: string, mode: ValueMode, name: string): unknown {
    const random = this.random;
    if (mode === 'plausible') return this.plausibleScalar(scalar, name);
    switch (scalar) {
      case 'ID':
        return hostileId(random, this.pool);
      case 'Int':
        return hostileInt(random);
      case 'Float':
        return hostileFloat(random);
      case 'Boolean':
        return hostileBoolean(random);
      case 'Date':
        return hostileDate(random);
      case 'DateTime':
        return hostileDateTime(random);
      case 'JSON':
        return hostileJson(random);
      default:
        if (name === 'q') return hostileSearch(random);
        if (name === 'fileBase64') return this.fileBase64();
        if (name === 'fileName') return this.fileName();
        return hostileString(random);
    }
  }

  private plausibleScalar(scalar: string, name: string): unknown {
    const random = this.random;
    switch (scalar) {
      case 'ID':
        return this.pool.safe.length > 0 ? random.pick(this.pool.safe) : random.uuid();
      case 'Int':
        return name === 'perPage' ? random.pick([1, 10, 25, 100]) : random.int(0, 20);
      case 'Float':
        return random.int(0, 100);
      case 'Boolean':
        return random.chance(0.5);
      case 'Date':
        return random.pick(['2026-12-31', '2027-03-31', '2026-12-02']);
      case 'DateTime':
        return '2026-12-01T02:00:00Z';
      case 'JSON':
        return {};
      default:
        if (name === 'sortOrder') return random.pick(['ASC', 'DESC']);
        if (name === 'sortField') return random.pick(['id', 'createdAt', 'name', 'title', 'dueDate']);
        if (name === 'locale') return random.pick(['vi', 'en']);
        if (name === 'fileName') return 'fuzz.txt';
        if (name === 'email') return `fuzz.${random.int(0, 1e9)}@test.local`;
        return random.pick(['Fuzz text', 'Nội dung kiểm thử', 'x'.repeat(random.int(1, 200))]);
    }
  }

  /** Bytes that claim to be a file: empty, junk, a truncated zip, a PDF header, real text. */
  private fileBase64(): string {
    const random = this.random;
    const bytes = random.pick([
      Buffer.alloc(0),
      Buffer.from('PK\u0003\u0004'),
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(random.int(10, 4_000), 0xff)]),
      Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
      Buffer.from('%PDF-'),
      Buffer.from('NGHỊ QUYẾT\nI. NHIỆM VỤ\n1. Làm việc.\n'),
      Buffer.alloc(random.int(1, 100_000), 0),
      zipBomb(),
    ]);
    return random.chance(0.1) ? '!!not base64!!' : bytes.toString('base64');
  }

  private fileName(): string {
    return this.random.pick([
      'x.docx',
      'x.pdf',
      'x.txt',
      'x',
      '',
      '.docx',
      '../../x.docx',
      'x.DOCX',
      'x.exe',
      `${'n'.repeat(5_000)}.txt`,
      'x\u0000.pdf',
    ]);
  }
}

/** A selection for an output type: leaves, and object fields down to `depth` more levels. */
export function selectionFor(type: GraphQLObjectType, depth: number, random: Random, wide = false): string {
  const fields = Object.values(type.getFields());
  const leaves = fields.filter((f) => !isObjectType(getNamedType(f.type)));
  const objects = fields.filter((f) => isObjectType(getNamedType(f.type)));
  const chosenLeaves = wide ? leaves : leaves.filter((f) => f.name === 'id' || random.chance(0.3));
  const parts = chosenLeaves.map((f) => f.name);
  if (depth > 0) {
    const nested = wide ? objects : objects.filter(() => random.chance(0.3));
    for (const field of nested) {
      parts.push(
        `${field.name} { ${selectionFor(getNamedType(field.type) as GraphQLObjectType, depth - 1, random, wide)} }`,
      );
    }
  }
  if (parts.length === 0) parts.push('__typename');
  return parts.join(' ');
}

/**
 * One path of object fields `depth` levels down, preferring lists (the loops such as
 * Document.tasks → Task.document → tasks multiply), with the ids at every level.
 */
export function deepSelection(type: GraphQLObjectType, depth: number, random: Random): string {
  const fields = Object.values(type.getFields());
  const objects = fields.filter((f) => isObjectType(getNamedType(f.type)));
  const leaf = fields.some((f) => f.name === 'id') ? 'id' : '__typename';
  if (depth <= 0 || objects.length === 0) return leaf;
  const lists = objects.filter((f) => isListType(isNonNullType(f.type) ? f.type.ofType : f.type));
  const next = lists.length > 0 && random.chance(0.7) ? random.pick(lists) : random.pick(objects);
  const inner = deepSelection(getNamedType(next.type) as GraphQLObjectType, depth - 1, random);
  return `${leaf} ${next.name} { ${inner} }`;
}

/** The field's return type when it is an object; null for scalars. */
export function objectReturn(field: RootField): GraphQLObjectType | null {
  const named = getNamedType(field.type);
  return isObjectType(named) ? named : null;
}

/** A list field and a way back: Document.tasks → Task.document, Task.assignments → Assignment.task. */
export interface Loop {
  from: GraphQLObjectType;
  list: string;
  back: string;
}

export function loopsOf(schema: GraphQLSchema): Loop[] {
  const loops: Loop[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
      const target = getNamedType(field.type);
      if (!isListType(inner) || !isObjectType(target)) continue;
      for (const back of Object.values(target.getFields())) {
        if (getNamedType(back.type) === type) loops.push({ from: type, list: field.name, back: back.name });
      }
    }
  }
  return loops;
}

/** The loop `turns` times round: every turn multiplies the rows by the list's length. */
export function loopSelection(loop: Loop, turns: number): string {
  let selection = 'id';
  for (let i = 0; i < turns; i += 1) selection = `id ${loop.list} { id ${loop.back} { ${selection} } }`;
  return selection;
}
