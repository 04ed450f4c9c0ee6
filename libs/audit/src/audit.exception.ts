// A const object instead of a TS enum so the code stays erasable-syntax friendly.
export const AuditExceptionCode = {
  /** `record` was called with a manager that is not inside a transaction. */
  NOT_IN_TRANSACTION: 'NOT_IN_TRANSACTION',
  /** The transaction's isolation level would let two writers fork the chain. */
  UNSUPPORTED_ISOLATION: 'UNSUPPORTED_ISOLATION',
  /** An entry that would not read back as written (bad uuid, invalid date, empty action…). */
  INVALID_ENTRY: 'INVALID_ENTRY',
  INVALID_FILTER: 'INVALID_FILTER',
  INVALID_SORT_FIELD: 'INVALID_SORT_FIELD',
  INVALID_SORT_ORDER: 'INVALID_SORT_ORDER',
  INVALID_PAGE: 'INVALID_PAGE',
} as const;

export type AuditExceptionCode = (typeof AuditExceptionCode)[keyof typeof AuditExceptionCode];

/** A misuse of the audit trail or of its list; the message says what to do instead. */
export class AuditException extends Error {
  readonly code: AuditExceptionCode;

  constructor(code: AuditExceptionCode, message: string) {
    super(message);
    this.name = 'AuditException';
    this.code = code;
  }
}
