import { parseMarker } from './markers.js';
import { isCaps, isRuleLine, squash, startsLowerCase } from './normalize-text.js';

export interface PdfLine {
  text: string;
  /** Vertical gap to the previous line on the page, in units of the usual line height (0 for the first). */
  gapBefore: number;
}

const TERMINAL = /[.:;!?…]["”’)»]*$/u;
const PAGE_NUMBER = /^\s*(?:[-–—]\s*)?(?:(?:trang|page)\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*[-–—])?\s*$/i;

/**
 * Rejoins the hard-wrapped lines of a PDF text layer into paragraphs. A wrapped line fills the
 * text width, so a line is continued by the next one only when it is nearly full (or the next one
 * starts lower-case) and does not end a sentence; numbering marks, rules and wider vertical gaps
 * always start a new paragraph. Page numbers alone on a line are dropped.
 */
export function rejoinPdfLines(lines: PdfLine[]): string {
  const kept = lines
    .map((l) => ({ ...l, text: squash(l.text) }))
    .filter((l) => l.text && !PAGE_NUMBER.test(l.text));
  if (!kept.length) return '';
  const lengths = kept.map((l) => l.text.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)];
  const paras: string[] = [];
  let cur = '';
  for (let i = 0; i < kept.length; i++) {
    const l = kept[i];
    const prev = i > 0 ? kept[i - 1] : null;
    let joins = false;
    if (
      prev &&
      !parseMarker(l.text) &&
      !isRuleLine(l.text) &&
      !isRuleLine(prev.text) &&
      l.gapBefore <= 1.5 &&
      !TERMINAL.test(prev.text)
    ) {
      joins = prev.text.length >= 0.8 * width || (startsLowerCase(l.text) && !isCaps(prev.text));
    }
    if (joins) cur += (/\p{L}-$/u.test(cur) ? '' : ' ') + l.text;
    else {
      if (cur) paras.push(cur);
      cur = l.text;
    }
  }
  if (cur) paras.push(cur);
  return paras.join('\n');
}
