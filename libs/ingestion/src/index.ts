export { parseDocument } from './parse-document.js';

export { parseText, type ParseOptions } from './parse-text.js';
export {
  readDocument,
  decodeText,
  htmlToText,
  MAX_DOCUMENT_BYTES,
  type DocumentInput,
} from './read-document.js';
export {
  IngestionException,
  IngestionExceptionCode,
  type DocumentLimitDetails,
} from './ingestion.exception.js';
export { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits, type DocumentLimitName } from './document-limits.js';
export { ParsePool, type ParsePoolOptions } from './parse-pool.js';
export {
  toParseJson,
  type ParseJson,
  type ParseJsonTask,
  type ParseJsonAssignee,
  type ParseJsonReference,
} from './parse-json.js';
export { formatOutlineTree } from './outline-tree.js';
export { findCitations } from './citations.js';
export { suggestAssignees } from './actors.js';
export { detectCadence, detectDueDate } from './cadence.js';
export { splitActions } from './tasks-section.js';
export { rejoinPdfLines, type PdfLine } from './pdf-lines.js';
export { normalizeText, fold } from './normalize-text.js';
export {
  compileGazetteer,
  findEntry,
  type Gazetteer,
  type GazetteerEntry,
  type CollectivePhrase,
  type TopicRule,
  type OrganizationKind,
  type OrganizationLevel,
} from './gazetteer.js';
export { konTum2019Gazetteer } from './gazetteers/kon-tum-2019.js';
export type * from './outline.types.js';

/** The seed document (Kon Tum, 410-BC/TU, 2019) shipped with the library: demo data and tests read it. */
export const SEED_DOCUMENT_URL = new URL(
  '../test-documents/seed/kon-tum-410-BC-TU-2019.txt',
  import.meta.url,
);
