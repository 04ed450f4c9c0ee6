// Text helpers shared by every step: Unicode normalisation, diacritics folding,
// line splitting with offsets, and cleaning of markup noise on a single line.

export function normalizeText(text: string): string {
  return text.normalize('NFC');
}

const COMBINING = /[\u0300-\u036f]/g;

/** Lower-case, tone- and mark-free form used for matching: "Tỉnh ủy" → "tinh uy". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[’‘`]/g, "'");
}

export interface SourceLine {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character (line break excluded). */
  end: number;
  raw: string;
}

/** Splits on \n, \r\n, \r, form feed and Unicode line separators, keeping offsets. */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 12 || c === 0x2028 || c === 0x2029 || c === 0x0b || c === 0x85) {
      lines.push({ start, end: i, raw: text.slice(start, i) });
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: n, raw: text.slice(start, n) });
  return lines;
}

const WS = /[\s\u00a0\ufeff\u200b]/;

export function isSpace(ch: string): boolean {
  return WS.test(ch);
}

/** The span of a line without its leading and trailing white space (empty when blank). */
export function trimmedRange(line: SourceLine): { start: number; end: number } {
  let s = 0;
  let e = line.raw.length;
  while (s < e && isSpace(line.raw[s])) s++;
  while (e > s && isSpace(line.raw[e - 1])) e--;
  return { start: line.start + s, end: line.start + e };
}

const ESCAPABLE = /\\([\\`*_{}[\]()#+\-.!|~>"'])/g;
const PRIVATE_BASE = 0xe000;

/**
 * Removes markdown-like markup from one line: escapes (`\-`, `\.`), emphasis (`**x**`, `*x*`, `__x__`),
 * heading marks (`#`), block quotes, links; a leading `* ` list mark becomes `- `.
 * Escaped characters are parked in the private-use area while emphasis is removed so `\*` stays a star.
 */
export function cleanLine(raw: string): string {
  let s = raw.replace(/[\u00a0\ufeff\u200b\t]/g, (c) => (c === '\t' ? '\t' : ' '));
  if (s.indexOf('\\') >= 0) {
    s = s.replace(ESCAPABLE, (_m, c: string) => String.fromCharCode(PRIVATE_BASE + c.charCodeAt(0)));
  }
  s = s.replace(/^\s{0,3}>\s?/, '');
  s = s.replace(/^\s*#{1,6}\s+/, '');
  s = s.replace(/\s+#{1,6}\s*$/, '');
  s = s.replace(/^(\s*)[*](\s+)(?=\S)/, '$1-$2');
  if (s.indexOf('*') >= 0 || s.indexOf('_') >= 0) {
    s = s.replace(/\*\*\*?/g, '').replace(/__+(?=\S)|(?<=\S)__+/g, '');
    s = s.replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?=[^\p{L}\p{N}*]|$)/gu, '$1$2');
  }
  if (s.indexOf('](') >= 0) s = s.replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1');
  if (s.indexOf('[^') >= 0) s = s.replace(/\[\^\d+\]/g, '');
  if (/[\ue000-\ue07f]/.test(s)) {
    s = s.replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PRIVATE_BASE));
  }
  return s;
}

/** Collapses runs of white space to one space and trims. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\ufeff\u200b]+/g, ' ').trim();
}

const PAGE_NUMBER = /^\s*(?:[-–—]\s*)?(?:(?:trang|page)\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*[-–—])?\s*$/i;
const RULE = /^\s*(?:[-_=*~–—]\s*){3,}$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Whole lines that carry no content: page numbers, rules, markdown table borders. */
export function isNoiseLine(cleaned: string): boolean {
  return PAGE_NUMBER.test(cleaned) || RULE.test(cleaned) || TABLE_RULE.test(cleaned);
}

export function isRuleLine(cleaned: string): boolean {
  return RULE.test(cleaned);
}

/** Splits a header or closing line into cells: tabs, `|` table columns, or wide space gaps. */
export function splitCells(cleaned: string): string[] {
  return cleaned
    .split(/\t|\|| {3,}/)
    .map((c) => squash(c))
    .filter((c) => c.length > 0);
}

const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;

/** True for text written in capitals (at least two letters, none lower-case). */
export function isCaps(text: string): boolean {
  if (HAS_LOWER.test(text)) return false;
  let letters = 0;
  for (const ch of text) {
    if (HAS_UPPER.test(ch) && ++letters >= 2) return true;
  }
  return false;
}

export function startsLowerCase(text: string): boolean {
  const m = /\p{L}/u.exec(text);
  return m !== null && m.index === 0 && HAS_LOWER.test(m[0]);
}

/** The last few words before an offset, for a human-readable anchor. */
export function wordsBefore(text: string, offset: number, count: number): string {
  const from = Math.max(0, offset - 200);
  const words = squash(text.slice(from, offset)).split(' ');
  return words.slice(Math.max(0, words.length - count)).join(' ');
}
