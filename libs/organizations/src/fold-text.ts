/**
 * Vietnamese text without diacritics, lower case, single spaces: what PostgreSQL's
 * `search_fold()` gives, so a search typed as "dan van" finds "Dân vận" and tone-mark
 * placement ("hoà" / "hòa") does not matter.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern matching the folded text anywhere, with LIKE's wildcards escaped. */
export function containsPattern(query: string): string {
  return `%${foldText(query).replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
