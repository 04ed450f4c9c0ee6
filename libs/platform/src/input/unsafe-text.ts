/**
 * Text that no column can hold: PostgreSQL refuses a NUL byte in text, and a lone UTF-16
 * surrogate cannot be encoded as UTF-8 at all. Both end as driver errors unless refused at
 * the door.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type UnsafeCharacter = 'NUL' | 'LONE_SURROGATE';

export function unsafeCharacterIn(text: string): UnsafeCharacter | null {
  if (text.includes('\u0000')) return 'NUL';
  if (LONE_SURROGATE.test(text)) return 'LONE_SURROGATE';
  return null;
}
