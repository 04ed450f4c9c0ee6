import { createDeflate } from 'node:zlib';

import { PDFDocument, PDFName } from 'pdf-lib';

/** `bytes` of spaces, deflated as a stream, without ever holding them whole. */
async function deflatedSpaces(bytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const block = Buffer.alloc(1024 * 1024, 0x20);
  for (let left = bytes; left > 0; left -= block.length) {
    const part = left >= block.length ? block : block.subarray(0, left);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * A one-page .pdf whose content stream inflates to `inflatedBytes`: a few MB on the wire,
 * hundreds of MB in the reader's memory, outside the V8 heap (pdf.js decodes into typed arrays).
 */
export async function pdfBomb(inflatedBytes: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const stream = pdf.context.stream(await deflatedSpaces(inflatedBytes), { Filter: 'FlateDecode' });
  page.node.set(PDFName.of('Contents'), pdf.context.register(stream));
  return pdf.save({ useObjectStreams: false });
}
