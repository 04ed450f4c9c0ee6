import type { Random } from './random.js';

/**
 * Hostile values by GraphQL scalar. None of them contains what the response checker looks for
 * (SQL keywords, stack frames, paths), so an error that echoes a value is never a false alarm.
 */

/** Ids that exist in the world under fuzz, from every body (the caller's and others'). */
export interface IdPool {
  /** Every id a mutation may touch (never the harness's users or their bodies). */
  safe: readonly string[];
  /** The same ids by object type ("Document", "Task", …), for well-formed lookups. */
  byType: Readonly<Record<string, readonly string[]>>;
}

/** Lengths of the long strings; the largest is rare so it does not dominate the run. */
const LONG_LENGTHS = [65, 256, 513, 2_001, 10_001, 100_001] as const;
const HUGE_LENGTH = 1_000_001;

const STRINGS: readonly string[] = [
  '',
  ' ',
  '   \t\n  ',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(64),
  '\ud800', // a lone high surrogate
  '\udfff', // a lone low surrogate
  'x\ud83dy', // half an emoji
  '\u202eRTL override\u202c',
  'مرحبا بالعالم',
  'a' + '\u0301'.repeat(300), // one letter under 300 combining marks
  'Nghị quyết 25-NQ/TW',
  'Tỉnh ủy Kon Tum',
  '🙂🙂🙂',
  '\ufeffBOM',
  '\u200b\u200c\u200d',
  "' OR '1'='1",
  "'; --",
  '"',
  '\\',
  '%',
  '_',
  '%_%',
  '$1',
  '${x}',
  '{{x}}',
  '<b>x</b>',
  '%s%n%x',
  '../../etc/passwd',
  'NaN',
  'null',
  'undefined',
  '-1',
  '1e309',
  'true',
  'a@b',
  'x@y.local',
];

export function hostileString(random: Random): string {
  const roll = random.next();
  if (roll < 0.6) return random.pick(STRINGS);
  if (roll < 0.995)
    return random.pick(['x', 'ệ', 'a\u0000', '\u0301', '🙂']).repeat(random.pick(LONG_LENGTHS));
  return 'y'.repeat(HUGE_LENGTH);
}

/** A long `q`: the search filters take it to SQL (ILIKE / unaccent). */
export function hostileSearch(random: Random): string {
  return random.chance(0.5)
    ? random.pick(STRINGS)
    : random.pick(['%', '_', 'a', 'ệ', '\\', 'kon tum ']).repeat(random.pick(LONG_LENGTHS));
}

export function hostileId(random: Random, pool: IdPool): unknown {
  const roll = random.next();
  if (roll < 0.4 && pool.safe.length > 0) return random.pick(pool.safe);
  return random.pick<unknown>([
    '',
    ' ',
    '-'.repeat(36),
    '0'.repeat(36),
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    random.uuid(),
    random.uuid().toUpperCase(),
    ` ${random.uuid()}`,
    `${random.uuid()}\u0000`,
    random.uuid().replace(/-/g, ''),
    `{${random.uuid()}}`,
    'not-an-id',
    '\u0000',
    '\ud800'.repeat(36),
    'g'.repeat(36),
    'x'.repeat(10_000),
    '1',
    1,
    -1,
    0,
    true,
    [],
    {},
    null,
  ]);
}

export function hostileInt(random: Random): unknown {
  return random.pick<unknown>([
    0,
    -1,
    1,
    2,
    28,
    29,
    100,
    999,
    1_000,
    1_001,
    10_000,
    2_147_483_647,
    -2_147_483_648,
    2_147_483_648, // out of GraphQL Int
    Number.MAX_SAFE_INTEGER,
    1.5,
    '1',
    '',
    null,
    true,
  ]);
}

export function hostileFloat(random: Random): unknown {
  return random.pick<unknown>([0, -0, -1, 0.5, 100, 101, 1e308, -1e308, 5e-324, '1', null]);
}

export function hostileBoolean(random: Random): unknown {
  return random.pick<unknown>([true, false, true, false, 'true', 0, null]);
}

export function hostileDate(random: Random): unknown {
  return random.pick<unknown>([
    '2027-06-30',
    '2026-12-01',
    '1970-01-01',
    '0001-01-01',
    '9999-12-31',
    '2026-02-29',
    '2024-02-29',
    '2026-13-45',
    '0000-00-00',
    '2026-1-1',
    '2026-12-01T00:00:00Z',
    '+275760-09-13',
    '',
    'yesterday',
    '\u0000',
    20261201,
    null,
  ]);
}

export function hostileDateTime(random: Random): unknown {
  return random.pick<unknown>([
    '2026-12-01T02:00:00Z',
    '2026-12-01T02:00:00+07:00',
    '1970-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '2026-13-01T00:00:00Z',
    '2026-12-01',
    '',
    'now',
    -1,
    null,
  ]);
}

export function hostileJson(random: Random): unknown {
  return random.pick<unknown>([{}, [], null, 'x', { a: { b: { c: [1, 2, 3] } } }, Array(1000).fill(0)]);
}

/** A valid enum value most of the time; otherwise a wrong one. */
export function hostileEnum(random: Random, values: readonly string[]): unknown {
  if (random.chance(0.75) && values.length > 0) return random.pick(values);
  return random.pick<unknown>([
    '',
    'NOPE',
    values[0]?.toLowerCase() ?? 'x',
    ' ' + (values[0] ?? ''),
    0,
    null,
  ]);
}
