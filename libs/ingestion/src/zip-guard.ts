import { crc32, inflateRawSync } from 'node:zlib';

import type { DocumentLimits } from './document-limits.js';
import { IngestionException, IngestionExceptionCode } from './ingestion.exception.js';

/** One part of a ZIP, inflated within the limits. */
export interface ZipPart {
  name: string;
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/**
 * Unpacks a ZIP (a .docx) while bounding what it costs: the number of parts is counted before
 * anything inflates, and every part inflates with a ceiling on its output, so a part that
 * would unpack past the per-part or the total limit stops as soon as it passes it — memory
 * never holds more than the limit. The sizes the ZIP declares for its parts are not believed;
 * only the compressed sizes are used, to find where each part's data ends.
 */
export function unpackZip(data: Uint8Array, limits: DocumentLimits): ZipPart[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const end = findEndOfCentralDirectory(view);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (view.getUint16(end + 10, true) === 0xffff || directoryOffset === 0xffffffff) {
    throw unreadable('ZIP64 archives are not supported');
  }
  if (directoryOffset + directorySize > end) throw unreadable('the central directory is out of bounds');

  const headers: { name: string; method: number; flags: number; compressedSize: number; offset: number }[] =
    [];
  for (let at = directoryOffset; at < directoryOffset + directorySize;) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_HEADER) {
      throw unreadable('a central directory record is broken');
    }
    if (headers.length === limits.maxEntries) {
      // Count the rest without keeping them, so the message can say how many there are.
      throw tooManyEntries(
        limits.maxEntries,
        headers.length + countEntries(view, at, Math.min(directoryOffset + directorySize, end)),
      );
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    headers.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      offset: view.getUint32(at + 42, true),
      name: new TextDecoder().decode(data.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }

  const parts: ZipPart[] = [];
  let total = 0;
  for (const header of headers) {
    if (header.flags & 0x1) throw unreadable(`${header.name} is encrypted`);
    const at = header.offset;
    if (at + 30 > data.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) {
      throw unreadable(`the local header of ${header.name} is broken`);
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + header.compressedSize > data.byteLength) throw unreadable(`${header.name} is truncated`);
    const compressed = data.subarray(start, start + header.compressedSize);

    const leftInTotal = limits.maxInflatedBytes - total;
    const totalBinds = leftInTotal < limits.maxEntryBytes;
    const ceiling = Math.min(limits.maxEntryBytes, leftInTotal);
    const over = (value: number) =>
      totalBinds
        ? tooLargeInTotal(limits.maxInflatedBytes, total + value)
        : tooLargePart(limits, header.name, value);

    let inflated: Uint8Array;
    if (header.method === 0) {
      if (compressed.byteLength > ceiling) throw over(compressed.byteLength);
      inflated = compressed;
    } else if (header.method === 8) {
      try {
        // maxOutputLength makes zlib stop the moment its output passes the ceiling.
        inflated = inflateRawSync(compressed, { maxOutputLength: Math.max(1, ceiling) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw over(ceiling + 1);
        throw unreadable(`${header.name} does not inflate`);
      }
      if (inflated.byteLength > ceiling) throw over(inflated.byteLength);
    } else {
      throw unreadable(`${header.name} uses compression method ${header.method}`);
    }
    total += inflated.byteLength;
    parts.push({ name: header.name, data: inflated });
  }
  return parts;
}

/**
 * Packs parts into a ZIP without compression: the reader behind this guard (mammoth, through
 * JSZip) then only slices bytes that were already counted and never inflates anything itself.
 */
export function packStoredZip(parts: readonly ZipPart[]): Uint8Array {
  return packZip(
    parts.map((part) => ({
      name: part.name,
      method: 0,
      payload: part.data,
      crc: crc32(part.data),
      declaredSize: part.data.byteLength,
    })),
  );
}

/** One ZIP entry as written: `payload` is already compressed with `method` (0 stored, 8 deflate). */
export interface RawZipEntry {
  name: string;
  method: 0 | 8;
  payload: Uint8Array;
  crc: number;
  /** The uncompressed size the headers declare (tests make it lie). */
  declaredSize: number;
}

/** Writes entries as a ZIP archive: local headers and data, then the central directory. */
export function packZip(entries: readonly RawZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((entry) => encoder.encode(entry.name));
  const localSize = entries.reduce(
    (sum, entry, i) => sum + 30 + names[i].byteLength + entry.payload.byteLength,
    0,
  );
  const centralSize = names.reduce((sum, name) => sum + 46 + name.byteLength, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, i) => {
    offsets.push(at);
    view.setUint32(at, LOCAL_HEADER, true);
    view.setUint16(at + 4, 20, true); // version needed: 2.0
    view.setUint16(at + 6, 0x0800, true); // names are UTF-8
    view.setUint16(at + 8, entry.method, true);
    view.setUint32(at + 14, entry.crc, true);
    view.setUint32(at + 18, entry.payload.byteLength, true);
    view.setUint32(at + 22, entry.declaredSize, true);
    view.setUint16(at + 26, names[i].byteLength, true);
    out.set(names[i], at + 30);
    out.set(entry.payload, at + 30 + names[i].byteLength);
    at += 30 + names[i].byteLength + entry.payload.byteLength;
  });
  const directoryOffset = at;
  entries.forEach((entry, i) => {
    view.setUint32(at, CENTRAL_HEADER, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0x0800, true);
    view.setUint16(at + 10, entry.method, true);
    view.setUint32(at + 16, entry.crc, true);
    view.setUint32(at + 20, entry.payload.byteLength, true);
    view.setUint32(at + 24, entry.declaredSize, true);
    view.setUint16(at + 28, names[i].byteLength, true);
    view.setUint32(at + 42, offsets[i], true);
    out.set(names[i], at + 46);
    at += 46 + names[i].byteLength;
  });
  view.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directoryOffset, true);
  view.setUint32(at + 16, directoryOffset, true);
  return out;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw unreadable('it is not a ZIP archive (no central directory)');
}

/** Central directory records from `from` up to `to`: cheap, nothing is kept or inflated. */
function countEntries(view: DataView, from: number, to: number): number {
  let count = 0;
  for (let at = from; at + 46 <= to && view.getUint32(at, true) === CENTRAL_HEADER; count++) {
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return count;
}

function unreadable(reason: string): IngestionException {
  return new IngestionException(
    IngestionExceptionCode.UNREADABLE,
    `Could not read the .docx file: ${reason}.`,
  );
}

export const formatCount = (n: number) => n.toLocaleString('en-US');
export const formatMegabytes = (bytes: number) =>
  `${(bytes / 1_048_576).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

function tooManyEntries(limit: number, value: number): IngestionException {
  return new IngestionException(
    IngestionExceptionCode.TOO_LARGE,
    `The .docx file holds ${formatCount(value)} parts; at most ${formatCount(limit)} are read.`,
    { name: 'maxEntries', limit, value },
  );
}

function tooLargeInTotal(limit: number, value: number): IngestionException {
  return new IngestionException(
    IngestionExceptionCode.TOO_LARGE,
    `The .docx file unpacks to more than ${formatMegabytes(limit)}; at most ${formatMegabytes(limit)} is read.`,
    { name: 'maxInflatedBytes', limit, value, atLeast: true },
  );
}

function tooLargePart(limits: DocumentLimits, entry: string, value: number): IngestionException {
  const limit = limits.maxEntryBytes;
  return new IngestionException(
    IngestionExceptionCode.TOO_LARGE,
    `A part of the .docx file (${entry.slice(0, 100)}) unpacks to more than ${formatMegabytes(limit)}; at most ${formatMegabytes(limit)} per part is read.`,
    { name: 'maxEntryBytes', limit, value, atLeast: true, entry: entry.slice(0, 100) },
  );
}
