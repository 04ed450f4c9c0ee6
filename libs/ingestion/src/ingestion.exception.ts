// A const object instead of a TS enum so the code stays erasable-syntax friendly.
export const IngestionExceptionCode = {
  EMPTY: 'EMPTY',
  BINARY: 'BINARY',
  UNSUPPORTED_TYPE: 'UNSUPPORTED_TYPE',
  TOO_LARGE: 'TOO_LARGE',
  UNREADABLE: 'UNREADABLE',
} as const;

export type IngestionExceptionCode = (typeof IngestionExceptionCode)[keyof typeof IngestionExceptionCode];

/** A document that cannot be read. The message is one line, fit for a CLI's stderr. */
export class IngestionException extends Error {
  readonly code: IngestionExceptionCode;

  constructor(code: IngestionExceptionCode, message: string) {
    super(message);
    this.name = 'IngestionException';
    this.code = code;
  }
}
