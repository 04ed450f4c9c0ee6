import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './document-limits.js';
import { IngestionException, IngestionExceptionCode } from './ingestion.exception.js';
import { normalizeText } from './normalize-text.js';
import { rejoinPdfLines, type PdfLine } from './pdf-lines.js';
import { formatCount, packStoredZip, unpackZip } from './zip-guard.js';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

export interface DocumentInput {
  fileName?: string;
  text?: string;
  data?: Uint8Array;
}

type Kind = 'text' | 'docx' | 'pdf';

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown']);

function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return m ? m[1].toLowerCase() : '';
}

function sniff(data: Uint8Array): Kind {
  if (data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04)
    return 'docx';
  if (data.length >= 5 && String.fromCharCode(...data.subarray(0, 5)) === '%PDF-') return 'pdf';
  return 'text';
}

function kindOf(input: DocumentInput, data: Uint8Array | null): Kind {
  if (input.fileName) {
    const ext = extensionOf(input.fileName);
    if (ext === 'docx') return 'docx';
    if (ext === 'pdf') return 'pdf';
    if (TEXT_EXTENSIONS.has(ext) || (ext === '' && data === null)) return 'text';
    if (ext === '' && data) return sniff(data);
    throw new IngestionException(
      IngestionExceptionCode.UNSUPPORTED_TYPE,
      `Unsupported file type ".${ext}" (${input.fileName}): use .txt, .docx or .pdf.`,
    );
  }
  return data ? sniff(data) : 'text';
}

function megabytes(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}

/** Decodes text bytes: UTF-8 (with or without BOM) or UTF-16 LE/BE with a BOM; refuses binary data. */
export function decodeText(data: Uint8Array): string {
  let text: string;
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe)
    text = new TextDecoder('utf-16le').decode(data.subarray(2));
  else if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff)
    text = new TextDecoder('utf-16be').decode(data.subarray(2));
  else {
    const body =
      data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
    if (looksBinary(body)) throw binary();
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw binary();
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

function binary(): IngestionException {
  return new IngestionException(
    IngestionExceptionCode.BINARY,
    'The file is not a text document: it contains binary data or is not valid UTF-8/UTF-16 text.',
  );
}

/** NUL bytes or many control characters mean binary data. */
function looksBinary(data: Uint8Array): boolean {
  const n = Math.min(data.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = data[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.02;
}

function checkTextContent(text: string): void {
  let control = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) control++;
  }
  if (n > 0 && control / n > 0.02) throw binary();
}

async function readDocx(data: Uint8Array, limits: DocumentLimits): Promise<string> {
  // Unpacked here, within the limits, before mammoth sees anything: mammoth (JSZip) would
  // inflate every part whole, however large, on the thread that calls it.
  const checked = packStoredZip(unpackZip(data, limits));
  const mammoth = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) },
      // Images carry no text; mammoth would otherwise inline each one as base64 in the HTML.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch (e) {
    throw new IngestionException(
      IngestionExceptionCode.UNREADABLE,
      `Could not read the .docx file: ${oneLine(e)}`,
    );
  }
  return htmlToText(html);
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Mammoth's HTML keeps Word's paragraphs, tables and list structure; automatic list numbers are
 * not in it, so ordered list items get "1." at the first level, "a)" at the second and "-" deeper.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = '';
  const lists: { ordered: boolean; n: number }[] = [];
  const flush = () => {
    out.push(line);
    line = '';
  };
  const re = /<(\/?)([a-zA-Z0-9]+)[^>]*>|([^<]+)/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[3] !== undefined) {
      line += m[3].replace(/&(#x?[0-9a-fA-F]+|[a-z]+);/g, (all, ent: string) => {
        if (ent[0] === '#')
          return String.fromCodePoint(
            ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10),
          );
        return ENTITIES[ent] ?? all;
      });
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'ol' || tag === 'ul') {
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
    } else if (tag === 'li' && !closing) {
      if (line) flush();
      const l = lists[lists.length - 1];
      if (l) {
        l.n++;
        const depth = lists.length;
        line =
          !l.ordered || depth > 2
            ? '- '
            : depth === 1
              ? `${l.n}. `
              : `${String.fromCharCode(96 + Math.min(l.n, 26))}) `;
      }
    } else if (['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'div'].includes(tag) && closing) flush();
    else if (tag === 'td' || tag === 'th') {
      if (closing) line += '\t';
    } else if (tag === 'br') line += '\n';
  }
  if (line) flush();
  return out.join('\n');
}

async function readPdf(data: Uint8Array, limits: DocumentLimits): Promise<string> {
  const { extractTextItems, getDocumentProxy } = await import('unpdf');
  let pages: { str: string; y: number; height: number; fontSize: number; hasEOL: boolean }[][];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(data), { verbosity: 0 });
    // Counted from the page tree before any page's text is extracted.
    if (pdf.numPages > limits.maxPages) throw tooManyPages(pdf.numPages, limits.maxPages);
    pages = (await extractTextItems(pdf)).items;
  } catch (e) {
    if (e instanceof IngestionException) throw e;
    throw new IngestionException(
      IngestionExceptionCode.UNREADABLE,
      `Could not read the .pdf file: ${oneLine(e)}`,
    );
  }
  const lines: PdfLine[] = [];
  for (const items of pages) {
    let text = '';
    let y: number | null = null;
    let lastY: number | null = null;
    const gaps: number[] = [];
    const pageLines: { text: string; y: number; size: number }[] = [];
    let size = 12;
    const push = () => {
      if (text.trim() && y !== null) pageLines.push({ text, y, size });
      text = '';
      y = null;
    };
    for (const it of items) {
      if (y !== null && Math.abs(it.y - y) > Math.max(2, it.fontSize * 0.5)) push();
      if (y === null) {
        y = it.y;
        size = it.fontSize || 12;
      }
      text += it.str;
      if (it.hasEOL) push();
    }
    push();
    for (let i = 1; i < pageLines.length; i++) gaps.push(Math.abs(pageLines[i - 1].y - pageLines[i].y));
    const usual = gaps.length ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] : 1;
    pageLines.forEach((l, i) => {
      const gap = i === 0 || lastY === null ? 0 : Math.abs(lastY - l.y) / (usual || 1);
      lines.push({ text: l.text, gapBefore: i === 0 ? 2 : gap });
      lastY = l.y;
    });
  }
  const text = rejoinPdfLines(lines);
  if (!text.trim()) {
    throw new IngestionException(
      IngestionExceptionCode.UNREADABLE,
      'The .pdf file has no text layer (a scanned image?); OCR is not supported.',
    );
  }
  return text;
}

function tooManyPages(value: number, limit: number): IngestionException {
  return new IngestionException(
    IngestionExceptionCode.TOO_LARGE,
    `The .pdf file has ${formatCount(value)} pages; at most ${formatCount(limit)} are read.`,
    { name: 'maxPages', limit, value },
  );
}

function checkTextLength(text: string, limit: number): void {
  if (text.length <= limit) return;
  throw new IngestionException(
    IngestionExceptionCode.TOO_LARGE,
    `The document's text is ${formatCount(text.length)} characters long; at most ${formatCount(limit)} are read.`,
    { name: 'maxTextChars', limit, value: text.length },
  );
}

/**
 * Reads a .txt, .docx or .pdf document into NFC-normalised text, within `limits`. Throws
 * `IngestionException` (EMPTY, BINARY, UNSUPPORTED_TYPE, TOO_LARGE, UNREADABLE) with a
 * one-line English message; TOO_LARGE names the limit in `limit`.
 */
export async function readDocument(
  input: DocumentInput,
  limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS,
): Promise<string> {
  const data = input.data ?? null;
  const size = data ? data.byteLength : input.text !== undefined ? input.text.length : 0;
  if (size > MAX_DOCUMENT_BYTES) {
    throw new IngestionException(
      IngestionExceptionCode.TOO_LARGE,
      `The document is ${megabytes(size)} MB; the limit is 20 MB.`,
      { name: 'fileBytes', limit: MAX_DOCUMENT_BYTES, value: size },
    );
  }
  const kind = kindOf(input, data);
  let text: string;
  if (data === null) {
    if (input.text === undefined)
      throw new IngestionException(
        IngestionExceptionCode.EMPTY,
        'No document was given: pass text or file data.',
      );
    if (kind !== 'text') {
      throw new IngestionException(
        IngestionExceptionCode.UNREADABLE,
        `A .${kind} document must be given as file data, not text.`,
      );
    }
    checkTextLength(input.text, limits.maxTextChars);
    text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
    checkTextContent(text);
  } else if (data.byteLength === 0) {
    throw new IngestionException(
      IngestionExceptionCode.EMPTY,
      `The document${input.fileName ? ` ${input.fileName}` : ''} is empty.`,
    );
  } else if (kind === 'docx') text = await readDocx(data, limits);
  else if (kind === 'pdf') text = await readPdf(data, limits);
  else {
    text = decodeText(data);
    checkTextContent(text);
  }
  checkTextLength(text, limits.maxTextChars);
  if (!text.trim())
    throw new IngestionException(
      IngestionExceptionCode.EMPTY,
      `The document${input.fileName ? ` ${input.fileName}` : ''} is empty.`,
    );
  return normalizeText(text);
}
