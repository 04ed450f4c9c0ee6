import { cleanLine, squash, wordsBefore, type SourceLine } from './normalize-text.js';
import type { SentenceBreak } from './outline.js';
import type { Footnote, Span } from './outline.types.js';

const FOOTNOTE_START = /^[\s\u00a0]*\uFFFD/;

/** Index of the first line of the footnote bodies (a line starting with U+FFFD), or `end`. */
export function findFootnotesStart(lines: SourceLine[], from: number, end: number): number {
  for (let i = from; i < end; i++) if (FOOTNOTE_START.test(lines[i].raw)) return i;
  return end;
}

/** Footnote bodies: each starts at a U+FFFD line and runs until the next one. */
export function readFootnoteBodies(
  lines: SourceLine[],
  start: number,
  end: number,
): { text: string; span: Span }[] {
  const out: { text: string; span: Span; parts: string[] }[] = [];
  for (let i = start; i < end; i++) {
    const line = lines[i];
    const text = squash(cleanLine(line.raw));
    if (!text) continue;
    const lead = line.raw.search(/\S/);
    const lineSpan = { start: line.start + Math.max(0, lead), end: line.start + line.raw.trimEnd().length };
    if (FOOTNOTE_START.test(line.raw)) {
      out.push({ text: '', span: lineSpan, parts: [squash(text.replace(/^\uFFFD/, ''))] });
    } else if (out.length) {
      const f = out[out.length - 1];
      f.parts.push(text);
      f.span = { start: f.span.start, end: lineSpan.end };
    }
  }
  return out.map((f) => ({ text: squash(f.parts.join(' ')), span: f.span }));
}

/**
 * Pairs footnote bodies with the places where a lost superscript broke a sentence, in order.
 * Strong breaks (the next line began with punctuation or " lower-case") are preferred; weaker
 * ones fill in only when there are too few strong ones.
 */
export function attachFootnotes(
  text: string,
  bodies: { text: string; span: Span }[],
  breaks: SentenceBreak[],
  nodeAt: (offset: number) => number | null,
): Footnote[] {
  let chosen = breaks.filter((b) => b.strong);
  if (chosen.length < bodies.length) chosen = breaks;
  return bodies.map((b, i) => {
    const br = chosen[i];
    return {
      index: i + 1,
      text: b.text,
      span: b.span,
      anchor: br
        ? { offset: br.offset, before: wordsBefore(text, br.offset, 6), nodeId: nodeAt(br.offset) }
        : null,
    };
  });
}
