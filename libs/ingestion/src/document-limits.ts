/**
 * How much a document may cost to read. The 20 MB file limit bounds only what is uploaded;
 * a .docx is a ZIP whose parts can inflate a thousandfold and a .pdf can hold any number of
 * pages, so the reader bounds what it unpacks and extracts as well.
 */
export interface DocumentLimits {
  /** Bytes of all parts of a .docx together, counted while inflating. */
  maxInflatedBytes: number;
  /** Bytes of any single part of a .docx, counted while inflating. */
  maxEntryBytes: number;
  /** Parts (ZIP entries) in a .docx. */
  maxEntries: number;
  /** Pages of a .pdf, checked before any text is extracted. */
  maxPages: number;
  /** Characters of text read from a document of any kind. */
  maxTextChars: number;
}

export const DEFAULT_DOCUMENT_LIMITS: Readonly<DocumentLimits> = Object.freeze({
  maxInflatedBytes: 50 * 1024 * 1024,
  maxEntryBytes: 20 * 1024 * 1024,
  maxEntries: 2_000,
  maxPages: 500,
  maxTextChars: 2_000_000,
});

/** Which limit a document went over: the name a caller can act on. */
export type DocumentLimitName = keyof DocumentLimits | 'fileBytes' | 'heapMb' | 'seconds';
