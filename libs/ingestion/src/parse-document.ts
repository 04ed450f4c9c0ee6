import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from './document-limits.js';
import type { DocumentOutline } from './outline.types.js';
import { parseText, type ParseOptions } from './parse-text.js';
import { readDocument, type DocumentInput } from './read-document.js';

/**
 * Reads a document and parses it into its outline, on the calling thread. Servers use
 * `ParsePool`, which runs this in a worker thread with a time and memory budget.
 */
export async function parseDocument(
  input: DocumentInput,
  options: ParseOptions = {},
  limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS,
): Promise<DocumentOutline> {
  return parseText(await readDocument(input, limits), options);
}
