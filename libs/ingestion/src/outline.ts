import { parseMarker, type Marker } from './markers.js';
import {
  cleanLine,
  isCaps,
  isNoiseLine,
  squash,
  startsLowerCase,
  type SourceLine,
} from './normalize-text.js';
import type { OutlineNode, Span } from './outline.types.js';

/** A place where a line break interrupted a sentence (a lost footnote superscript or a hard wrap). */
export interface SentenceBreak {
  offset: number;
  /** The next line began with punctuation or with a space and a lower-case word: the seed's footnote sign. */
  strong: boolean;
}

export interface BodyOutline {
  root: OutlineNode;
  noise: Span[];
  breaks: SentenceBreak[];
  nodes: OutlineNode[];
}

interface Paragraph {
  segments: Span[];
  text: string;
  last: string;
  marker: Marker | null;
}

const TERMINAL = /[.:;!?…]["”’)»]*$/u;
const JOIN_TIGHT = /^[;,.:!?)\]”’…%]/;
const CLOSING_SENTENCE =
  /^(?:(?:Chỉ thị|Kết luận|Nghị quyết|Kế hoạch|Quyết định|Thông báo|Chương trình|Văn bản|Hướng dẫn|Quy định|Đề án|Báo cáo|Công văn) này\b|Nhận được |Giao Văn phòng )/u;

/** Hard-wrapped text (PDF or e-mail) has most lines filling a narrow band of widths. */
function detectWrapWidth(texts: string[]): number | null {
  const lengths = texts.map((t) => t.length).filter((n) => n >= 20);
  if (lengths.length < 8) return null;
  const sorted = [...lengths].sort((a, b) => a - b);
  const p90 = sorted[Math.floor(sorted.length * 0.9)];
  if (p90 > 120) return null;
  const full = lengths.filter((n) => n >= 0.75 * p90).length;
  return full / lengths.length >= 0.5 ? p90 : null;
}

/**
 * Reads the body lines into paragraphs (rejoining hard wraps and footnote breaks) and nests them
 * by their numbering marks. Every non-blank body line ends up either in exactly one node's
 * segments or in `noise`, which is what the "no text is lost" property checks.
 */
export function buildOutline(lines: SourceLine[], firstId = 1): BodyOutline {
  const noise: Span[] = [];
  const breaks: SentenceBreak[] = [];
  const items: { line: SourceLine; text: string; range: Span; leadingSpace: boolean }[] = [];
  const kinds: ('blank' | 'noise' | 'text')[] = [];
  for (const line of lines) {
    const cleaned = cleanLine(line.raw);
    const text = squash(cleaned);
    const range = trimmed(line);
    if (range.end === range.start || text.length === 0) {
      // a line of markup only (e.g. "**") is noise when it has characters, blank otherwise
      if (range.end > range.start) {
        noise.push(range);
        kinds.push('noise');
      } else kinds.push('blank');
      items.push({ line, text: '', range, leadingSpace: false });
      continue;
    }
    if (isNoiseLine(cleaned)) {
      noise.push(range);
      kinds.push('noise');
      items.push({ line, text: '', range, leadingSpace: false });
      continue;
    }
    kinds.push('text');
    items.push({ line, text, range, leadingSpace: /^[ \t\u00a0]/.test(line.raw) });
  }
  const wrapWidth = detectWrapWidth(items.filter((_, i) => kinds[i] === 'text').map((x) => x.text));

  const paras: Paragraph[] = [];
  let cur: Paragraph | null = null;
  let sawBlank = false;
  let sawNoise = false;
  for (let i = 0; i < items.length; i++) {
    const kind = kinds[i];
    if (kind === 'blank') {
      sawBlank = true;
      continue;
    }
    if (kind === 'noise') {
      sawNoise = true;
      continue;
    }
    const { text, range, leadingSpace } = items[i];
    const marker = parseMarker(text);
    let join = false;
    let strong = false;
    let isBreak = false;
    if (cur && !marker) {
      const adjacent = !sawBlank || (sawNoise && wrapWidth !== null);
      if (adjacent) {
        const prev = cur.last;
        const tight = JOIN_TIGHT.test(text);
        if (tight || startsLowerCase(text)) {
          join = true;
          isBreak = !TERMINAL.test(prev) || tight;
          strong = tight || leadingSpace;
        } else if (wrapWidth !== null && !TERMINAL.test(prev) && prev.length >= 0.6 * wrapWidth) {
          join = true;
        } else if (
          cur.marker &&
          cur.marker.rank <= 1 &&
          cur.segments.length < 4 &&
          isCaps(cur.text) &&
          isCaps(text) &&
          !TERMINAL.test(prev)
        ) {
          join = true; // a section heading wrapped onto a second line
        }
      }
    }
    if (join && cur) {
      const prevEnd = cur.segments[cur.segments.length - 1].end;
      if (isBreak) breaks.push({ offset: prevEnd, strong });
      // Test the previous line, not the growing paragraph: a regex on a long concatenation would flatten it each time.
      const glue = JOIN_TIGHT.test(text) || /\p{L}-$/u.test(cur.last) ? '' : ' ';
      cur.text += glue + text;
      cur.last = text;
      cur.segments.push(range);
    } else {
      cur = { segments: [range], text, last: text, marker };
      paras.push(cur);
    }
    sawBlank = false;
    sawNoise = false;
  }

  let nextId = firstId;
  const nodes: OutlineNode[] = [];
  const root: OutlineNode = {
    id: nextId++,
    kind: 'document',
    label: null,
    text: '',
    heading: '',
    span: { start: lines.length ? lines[0].start : 0, end: lines.length ? lines[lines.length - 1].end : 0 },
    segments: [],
    children: [],
  };
  nodes.push(root);
  const stack: { node: OutlineNode; rank: number }[] = [{ node: root, rank: -1 }];
  for (const p of paras) {
    const span = { start: p.segments[0].start, end: p.segments[p.segments.length - 1].end };
    if (p.marker) {
      while (stack.length > 1 && stack[stack.length - 1].rank >= p.marker.rank) stack.pop();
      const node: OutlineNode = {
        id: nextId++,
        kind: p.marker.kind,
        label: p.marker.label,
        text: p.text,
        heading: squash(p.text.slice(p.marker.length)),
        span,
        segments: p.segments,
        children: [],
      };
      stack[stack.length - 1].node.children.push(node);
      stack.push({ node, rank: p.marker.rank });
      nodes.push(node);
      continue;
    }
    if (CLOSING_SENTENCE.test(p.text)) stack.length = 1; // "Chỉ thị này…" closes every list
    while (stack.length > 1 && stack[stack.length - 1].node.kind === 'bullet') stack.pop();
    const node: OutlineNode = {
      id: nextId++,
      kind: 'paragraph',
      label: null,
      text: p.text,
      heading: p.text,
      span,
      segments: p.segments,
      children: [],
    };
    stack[stack.length - 1].node.children.push(node);
    nodes.push(node);
  }
  return { root, noise, breaks, nodes };
}

function trimmed(line: SourceLine): Span {
  let s = 0;
  let e = line.raw.length;
  while (s < e && /[\s\u00a0\ufeff\u200b]/.test(line.raw[s])) s++;
  while (e > s && /[\s\u00a0\ufeff\u200b]/.test(line.raw[e - 1])) e--;
  return { start: line.start + s, end: line.start + e };
}

/** Depth-first walk over an outline. */
export function* walk(node: OutlineNode): Generator<OutlineNode> {
  yield node;
  for (const c of node.children) yield* walk(c);
}
