import { Document, Packer, Paragraph, TextRun } from 'docx';

import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './document-limits.js';
import { IngestionExceptionCode } from './ingestion.exception.js';
import { readDocument } from './read-document.js';
import { asyncRefusalOf, refusalOf } from './testing/refusal.js';
import { docxBomb, docxWithManyEntries, docxWithManyLargeParts } from './testing/hostile-documents.js';
import { packStoredZip, unpackZip } from './zip-guard.js';

const MB = 1024 * 1024;

async function plainDocx(lines: string[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: lines.map((text) => new Paragraph({ children: [new TextRun({ text })] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('the .docx guard', () => {
  const limits: DocumentLimits = {
    ...DEFAULT_DOCUMENT_LIMITS,
    maxInflatedBytes: 8 * MB,
    maxEntryBytes: 4 * MB,
  };

  it('refuses a zip bomb (small file, 100 MB of XML) naming the limit, without inflating past it', async () => {
    const bomb = docxBomb(100 * MB);
    expect(bomb.byteLength).toBeLessThan(1 * MB);
    const started = process.hrtime.bigint();
    const error = await asyncRefusalOf(readDocument({ fileName: 'bomb.docx', data: bomb }));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(error.code).toBe(IngestionExceptionCode.TOO_LARGE);
    expect(error.limit).toMatchObject({ name: 'maxEntryBytes', limit: 20 * MB, entry: 'word/document.xml' });
    expect(error.message).toBe(
      'A part of the .docx file (word/document.xml) unpacks to more than 20 MB; at most 20 MB per part is read.',
    );
    // Inflating 20 MB and stopping takes a fraction of a second; reading 100 MB took 29 s.
    expect(ms).toBeLessThan(3_000);
  });

  it('counts the total of all parts while inflating, whatever the headers declare', () => {
    const error = refusalOf(() => unpackZip(docxWithManyLargeParts(3, 3 * MB, 100), limits));
    expect(error.code).toBe(IngestionExceptionCode.TOO_LARGE);
    expect(error.limit).toMatchObject({ name: 'maxInflatedBytes', limit: 8 * MB, atLeast: true });
    expect(error.message).toBe('The .docx file unpacks to more than 8 MB; at most 8 MB is read.');
  });

  it('caps each part even when the total has room', () => {
    const error = refusalOf(() => unpackZip(docxBomb(5 * MB), limits));
    expect(error.limit).toMatchObject({ name: 'maxEntryBytes', limit: 4 * MB });
  });

  it('refuses too many parts before inflating any, saying how many there are', () => {
    const error = refusalOf(() => unpackZip(docxWithManyEntries(2_345), DEFAULT_DOCUMENT_LIMITS));
    expect(error.code).toBe(IngestionExceptionCode.TOO_LARGE);
    expect(error.limit).toEqual({ name: 'maxEntries', limit: 2_000, value: 2_345 });
    expect(error.message).toBe('The .docx file holds 2,345 parts; at most 2,000 are read.');
  });

  it('accepts an archive exactly at the limits', () => {
    const parts = unpackZip(docxWithManyEntries(50), { ...DEFAULT_DOCUMENT_LIMITS, maxEntries: 50 });
    expect(parts).toHaveLength(50);
  });

  it('repacks what it unpacked without changing a byte', async () => {
    const docx = await plainDocx(['TỈNH ỦY KON TUM', 'Số 33-KH/TU']);
    const parts = unpackZip(docx, DEFAULT_DOCUMENT_LIMITS);
    const again = unpackZip(packStoredZip(parts), DEFAULT_DOCUMENT_LIMITS);
    expect(again.map((p) => p.name)).toEqual(parts.map((p) => p.name));
    again.forEach((part, i) => expect(Buffer.from(part.data).equals(Buffer.from(parts[i].data))).toBe(true));
  });

  it('a normal .docx reads as before: the same text', async () => {
    const lines = ['TỈNH ỦY KON TUM', 'Số 33-KH/TU', 'II. NHIỆM VỤ, GIẢI PHÁP', '1. Các cấp ủy quán triệt.'];
    expect(await readDocument({ fileName: 'ke-hoach.docx', data: await plainDocx(lines) })).toBe(
      lines.join('\n'),
    );
  });

  it('refuses a broken archive as unreadable', () => {
    const docx = docxWithManyEntries(3);
    const truncated = docx.slice(0, 40);
    expect(refusalOf(() => unpackZip(truncated, DEFAULT_DOCUMENT_LIMITS)).code).toBe(
      IngestionExceptionCode.UNREADABLE,
    );
  });
});

describe('the text limit on a .docx', () => {
  it('counts the text a .docx holds, not its file size', async () => {
    const limits = { ...DEFAULT_DOCUMENT_LIMITS, maxTextChars: 1_000 };
    const text = 'Các cấp ủy quán triệt. '.repeat(100);
    const error = await asyncRefusalOf(
      readDocument({ fileName: 'a.docx', data: await plainDocx([text]) }, limits),
    );
    expect(error.limit).toEqual({ name: 'maxTextChars', limit: 1_000, value: text.length });
  });
});
