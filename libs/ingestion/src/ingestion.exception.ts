import type { DocumentLimitName } from './document-limits.js';

// A const object instead of a TS enum so the code stays erasable-syntax friendly.
export const IngestionExceptionCode = {
  EMPTY: 'EMPTY',
  BINARY: 'BINARY',
  UNSUPPORTED_TYPE: 'UNSUPPORTED_TYPE',
  TOO_LARGE: 'TOO_LARGE',
  UNREADABLE: 'UNREADABLE',
  /** Reading took longer than its time budget and was stopped. */
  TIMEOUT: 'TIMEOUT',
  /** Every reading thread is busy and the queue is full. */
  BUSY: 'BUSY',
} as const;

export type IngestionExceptionCode = (typeof IngestionExceptionCode)[keyof typeof IngestionExceptionCode];

/**
 * The limit a refused document went over. `value` is what was measured when reading stopped:
 * for sizes counted while inflating, reading stops just past the limit, so the real size is
 * at least `value` (and `atLeast` says so).
 */
export interface DocumentLimitDetails {
  name: DocumentLimitName;
  limit: number;
  value: number | null;
  atLeast?: boolean;
  /** The ZIP part at fault, for per-part limits. */
  entry?: string;
}

/** A document that cannot be read. The message is one line, fit for a CLI's stderr. */
export class IngestionException extends Error {
  readonly code: IngestionExceptionCode;
  readonly limit: DocumentLimitDetails | null;

  constructor(code: IngestionExceptionCode, message: string, limit: DocumentLimitDetails | null = null) {
    super(message);
    this.name = 'IngestionException';
    this.code = code;
    this.limit = limit;
  }
}
