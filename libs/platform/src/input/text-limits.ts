import type { LocalizedMessage } from '../errors/domain.exception.js';

/**
 * The longest text each kind of input may carry, in characters (as class-validator counts
 * them: a surrogate pair is one). Declared once here: the API's input types
 * read these, the schema's descriptions state them, and the services that check a limit
 * themselves (login) read the same number.
 */
export const TEXT_LIMITS = {
  /** RFC 5321's longest deliverable address. */
  email: 254,
  password: 200,
  /** A refresh token is 43 base64url characters; anything far longer is not one. */
  token: 200,
  personName: 200,
  organizationName: 300,
  organizationShortName: 100,
  alias: 300,
  /** Free-text search (`q`). */
  search: 200,
  /** A reporting period: 2026, 2026-H2, 2026-Q4, 2026-11. */
  period: 10,
  documentTitle: 2_000,
  taskNumber: 20,
  /** Task text, report results, difficulties and proposals, inspection findings and remedies. */
  longText: 20_000,
  /** Completion summaries, reasons, comments, notes. */
  summary: 4_000,
  mergerNote: 1_000,
  fileName: 255,
  /**
   * Pasted document text: the reader's default text cap (DOCUMENT_MAX_CHARS), so a paste over it
   * is refused by validation, before it is carried to a reading thread.
   */
  documentText: 2_000_000,
  /** A 20 MB file in base64. */
  documentFileBase64: 28_000_000,
  sortField: 64,
  auditEntityType: 100,
  /** An audited record's id: a UUID, or a number for records keyed by sequence. */
  auditEntityId: 100,
  /** Short codes checked against a fixed set (locale, sort order, dashboard basis). */
  code: 20,
} as const;

export type TextLimitName = keyof typeof TEXT_LIMITS;

/** How many ids one list argument (`filter.ids`, `ids`) may name. */
export const MAX_IDS_PER_LIST = 1_000;

/** 2000 → "2,000" / "2.000", as each language writes thousands. */
export function formatLimit(limit: number, locale: 'vi' | 'en'): string {
  return limit.toLocaleString(locale === 'en' ? 'en-US' : 'de-DE');
}

export function textTooLongMessage(field: string, limit: number): LocalizedMessage {
  return {
    en: `${field} must be at most ${formatLimit(limit, 'en')} characters`,
    vi: `${field} chỉ được dài tối đa ${formatLimit(limit, 'vi')} ký tự`,
  };
}

/** The sentence the schema's description carries, so the limit documents itself. */
export function limitDescription(limit: number): string {
  return `At most ${formatLimit(limit, 'en')} characters.`;
}
