import type { NodeKind } from './outline.types.js';

/** A numbering mark at the start of a paragraph. `rank` orders nesting: smaller is outer. */
export interface Marker {
  kind: Exclude<NodeKind, 'document' | 'paragraph'>;
  label: string;
  rank: number;
  /** Length of the marker including the spaces after it. */
  length: number;
}

// Sections run I … XXXIX in practice; C and D stay free for lettered parts ("C- PHÂN CÔNG").
const ROMAN = /^(?=[IVXL])(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const VIET_LETTERS = 'abcdđeghiklmnopqrstuvxy';

const PART =
  /^(?:PHẦN|Phần|CHƯƠNG|Chương)\s+((?:THỨ|thứ)\s+\p{L}+|[IVXLC]+|\d{1,2})(?![\p{L}\d])\s*[.:\-–]?\s*/u;
const LETTER_PART = /^([A-H])\s*[-.–]\s+(?=\p{Lu})/u;
const ROMAN_ITEM = /^([IVXL]{1,6})\s*[.\-–)]\s*(?=\S)/;
const MULTI = /^(\d{1,2}(?:\.\d{1,2}){1,3})(\s*[.\-–)]\s*|\s+(?=\p{Lu}))/u;
const ITEM = /^(\d{1,3})\s*[.\-–)](?!\d)\s*(?=\S)/;
const PAREN_ITEM = /^\((\d{1,2})\)\s*(?=\S)/;
const ARTICLE = /^Điều\s+(\d{1,3})\s*[.:]\s*/u;
const LETTER = /^([a-zđ])\s*\)\s*(?=\S)/;
const BULLET = /^([-–—+•●○▪◦])\s*(?=\S)/;

/** Recognises the numbering mark of a cleaned, left-trimmed paragraph, or null. */
export function parseMarker(text: string): Marker | null {
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    let m = MULTI.exec(text);
    if (m) {
      const depth = m[1].split('.').length;
      return { kind: 'subitem', label: m[1], rank: 2 + depth, length: m[0].length };
    }
    m = ITEM.exec(text);
    if (m && !/^\d{1,3}\s*[.\-–)]\s*$/.test(text))
      return { kind: 'item', label: m[1], rank: 2, length: m[0].length };
    return null;
  }
  let m = PART.exec(text);
  if (m) return { kind: 'part', label: m[1].replace(/\s+/g, ' '), rank: 0, length: m[0].length };
  m = ROMAN_ITEM.exec(text);
  if (m && ROMAN.test(m[1]) && !/^[IVXL]+\.\d/.test(text)) {
    // "C." or "D." followed by a lower-case word is a sentence, not a section.
    const rest = text.slice(m[0].length);
    if (!/^\p{Ll}/u.test(rest)) return { kind: 'section', label: m[1], rank: 1, length: m[0].length };
  }
  m = LETTER_PART.exec(text);
  if (m) return { kind: 'part', label: m[1], rank: 0, length: m[0].length };
  m = ARTICLE.exec(text);
  if (m) return { kind: 'item', label: m[1], rank: 2, length: m[0].length };
  m = PAREN_ITEM.exec(text);
  if (m) return { kind: 'item', label: m[1], rank: 2, length: m[0].length };
  m = LETTER.exec(text);
  if (m && VIET_LETTERS.includes(m[1])) return { kind: 'letter', label: m[1], rank: 7, length: m[0].length };
  m = BULLET.exec(text);
  if (m && !/^[-–—]{2,}/.test(text)) {
    const plus = m[1] === '+' || m[1] === '◦' || m[1] === '○';
    return { kind: 'bullet', label: plus ? '+' : '-', rank: plus ? 9 : 8, length: m[0].length };
  }
  return null;
}
