/**
 * What reading one uploaded document may cost (see libs/ingestion's DocumentLimits and
 * ParsePool, which take these values as they are).
 */
export interface DocumentReadingConfig {
  /** .docx: bytes of all parts together, counted while inflating (DOCX_MAX_INFLATED_MB). */
  maxInflatedBytes: number;
  /** .docx: bytes of any one part (DOCX_MAX_PART_MB). */
  maxEntryBytes: number;
  /** .docx: number of parts (DOCX_MAX_PARTS). */
  maxEntries: number;
  /** .pdf: pages (PDF_MAX_PAGES). */
  maxPages: number;
  /** Characters of text from a document of any kind (DOCUMENT_MAX_CHARS). */
  maxTextChars: number;
  /** Documents read at once, each on its own worker thread (PARSE_THREADS). */
  threads: number;
  /** Time budget of one read; past it the thread is stopped (PARSE_TIMEOUT_SECONDS). */
  timeoutMs: number;
  /** Heap of each reading thread (PARSE_HEAP_MB). */
  maxHeapMb: number;
}

type Integer = (name: string, fallback: number, min: number, max: number) => number;

/** Reads the DOCUMENT_* and PARSE_* variables through loadConfig's validating reader. */
export function readDocumentReading(integer: Integer): DocumentReadingConfig {
  const MB = 1024 * 1024;
  return {
    maxInflatedBytes: integer('DOCX_MAX_INFLATED_MB', 50, 1, 1024) * MB,
    maxEntryBytes: integer('DOCX_MAX_PART_MB', 20, 1, 1024) * MB,
    maxEntries: integer('DOCX_MAX_PARTS', 2_000, 10, 65_535),
    maxPages: integer('PDF_MAX_PAGES', 500, 1, 100_000),
    maxTextChars: integer('DOCUMENT_MAX_CHARS', 2_000_000, 1_000, 100_000_000),
    threads: integer('PARSE_THREADS', 2, 1, 64),
    timeoutMs: integer('PARSE_TIMEOUT_SECONDS', 10, 1, 3_600) * 1000,
    maxHeapMb: integer('PARSE_HEAP_MB', 512, 64, 16_384),
  };
}
