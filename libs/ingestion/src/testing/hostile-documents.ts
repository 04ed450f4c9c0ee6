import { crc32, deflateRawSync } from 'node:zlib';

import { packZip, type RawZipEntry } from '../zip-guard.js';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';

const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
const TAIL = '</w:body></w:document>';
const PARAGRAPH = '<w:p><w:r><w:t>Các cấp ủy, tổ chức đảng tổ chức quán triệt.</w:t></w:r></w:p>';

function deflated(name: string, data: Uint8Array, declaredSize = data.byteLength): RawZipEntry {
  return { name, method: 8, payload: deflateRawSync(data, { level: 9 }), crc: crc32(data), declaredSize };
}

/** A well-formed document.xml of about `bytes` bytes: the same paragraph over and over. */
export function repeatedDocumentXml(bytes: number): Buffer {
  const head = Buffer.from(HEAD);
  const tail = Buffer.from(TAIL);
  const paragraph = Buffer.from(PARAGRAPH);
  const count = Math.max(1, Math.floor((bytes - head.length - tail.length) / paragraph.length));
  const xml = Buffer.allocUnsafe(head.length + count * paragraph.length + tail.length);
  head.copy(xml, 0);
  // fill() repeats the paragraph without building a huge string first.
  xml.fill(paragraph, head.length, head.length + count * paragraph.length);
  tail.copy(xml, head.length + count * paragraph.length);
  return xml;
}

/**
 * A .docx whose main part inflates to about `inflatedBytes` of valid WordprocessingML: a
 * "zip bomb" that is small on the wire (100 MB of XML packs into a few hundred KB). Its
 * headers tell the truth unless `declaredSize` makes them lie.
 */
export function docxBomb(inflatedBytes: number, declaredSize?: number): Uint8Array {
  const xml = repeatedDocumentXml(inflatedBytes);
  return packZip([
    deflated('[Content_Types].xml', Buffer.from(CONTENT_TYPES)),
    deflated('_rels/.rels', Buffer.from(RELS)),
    deflated('word/document.xml', xml, declaredSize ?? xml.byteLength),
  ]);
}

/** A .docx with `entries` parts in all: the three a document needs plus tiny padding parts. */
export function docxWithManyEntries(entries: number): Uint8Array {
  const parts = [
    deflated('[Content_Types].xml', Buffer.from(CONTENT_TYPES)),
    deflated('_rels/.rels', Buffer.from(RELS)),
    deflated('word/document.xml', repeatedDocumentXml(2_000)),
  ];
  for (let i = parts.length; i < entries; i++)
    parts.push(deflated(`customXml/item${i}.xml`, Buffer.from('<a/>')));
  return packZip(parts);
}

/** A .docx of `count` parts of `bytesEach` each, all under the per-part limit, together over the total. */
export function docxWithManyLargeParts(count: number, bytesEach: number, declaredSize?: number): Uint8Array {
  const parts = [
    deflated('[Content_Types].xml', Buffer.from(CONTENT_TYPES)),
    deflated('_rels/.rels', Buffer.from(RELS)),
  ];
  const xml = repeatedDocumentXml(bytesEach);
  for (let i = 0; i < count; i++)
    parts.push(
      deflated(i === 0 ? 'word/document.xml' : `word/part${i}.xml`, xml, declaredSize ?? xml.byteLength),
    );
  return packZip(parts);
}
