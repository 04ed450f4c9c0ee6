import { PDFDocument } from 'pdf-lib';

import { DEFAULT_DOCUMENT_LIMITS } from './document-limits.js';
import { IngestionExceptionCode } from './ingestion.exception.js';
import { readDocument } from './read-document.js';
import { asyncRefusalOf } from './testing/refusal.js';

async function blankPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i++) pdf.addPage([595, 842]);
  return pdf.save();
}

describe('the .pdf page limit', () => {
  it('refuses a .pdf over the page limit before extracting any text, saying how many pages it has', async () => {
    const error = await asyncRefusalOf(readDocument({ fileName: 'dai.pdf', data: await blankPdf(501) }));
    expect(error.code).toBe(IngestionExceptionCode.TOO_LARGE);
    expect(error.limit).toEqual({ name: 'maxPages', limit: 500, value: 501 });
    expect(error.message).toBe('The .pdf file has 501 pages; at most 500 are read.');
  });

  it('reads a .pdf at the limit (these blank pages have no text layer, so that is what it says)', async () => {
    const limits = { ...DEFAULT_DOCUMENT_LIMITS, maxPages: 3 };
    const error = await asyncRefusalOf(
      readDocument({ fileName: 'trang.pdf', data: await blankPdf(3) }, limits),
    );
    expect(error.code).toBe(IngestionExceptionCode.UNREADABLE);
    expect(error.message).toContain('no text layer');
  });
});

describe('the text limit', () => {
  it('applies to every kind of document, pasted text too', async () => {
    const limits = { ...DEFAULT_DOCUMENT_LIMITS, maxTextChars: 1_000 };
    const text = 'Các cấp ủy quán triệt. '.repeat(100);
    const pasted = await asyncRefusalOf(readDocument({ text }, limits));
    expect(pasted.limit).toEqual({ name: 'maxTextChars', limit: 1_000, value: text.length });
    expect(pasted.message).toBe(`The document's text is 2,300 characters long; at most 1,000 are read.`);
    const file = await asyncRefusalOf(
      readDocument({ fileName: 'a.txt', data: new TextEncoder().encode(text) }, limits),
    );
    expect(file.limit?.name).toBe('maxTextChars');
    expect(await readDocument({ text: text.slice(0, 1_000) }, limits)).toHaveLength(1_000);
  });
});
