export interface SourcePassage {
  before: string;
  passage: string;
  after: string;
}

/**
 * Where a task stands in its document: its own span, with some of the text around it
 * (cut at a line break when there is one, so the reader sees whole paragraphs). Null when
 * the task has no span or the span does not fit the text.
 */
export function sourcePassage(
  text: string,
  start: number | null | undefined,
  end: number | null | undefined,
  context = 240,
): SourcePassage | null {
  if (start === null || start === undefined || end === null || end === undefined) return null;
  if (start < 0 || end > text.length || start >= end) return null;
  let from = Math.max(0, start - context);
  const lineBefore = text.lastIndexOf('\n', start - 1);
  if (lineBefore >= from) from = lineBefore + 1;
  let to = Math.min(text.length, end + context);
  const lineAfter = text.indexOf('\n', end);
  if (lineAfter !== -1 && lineAfter <= to) to = lineAfter;
  return {
    // An ellipsis only where a paragraph was cut, not at a line break.
    before: (from > 0 && text[from - 1] !== '\n' ? '…' : '') + text.slice(from, start),
    passage: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length && text[to] !== '\n' ? '…' : ''),
  };
}
