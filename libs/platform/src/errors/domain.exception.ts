/**
 * What went wrong, as the caller should hear it. Every lib throws these (or a subclass);
 * the API maps `code` to GraphQL `extensions.code` and picks the message in the caller's
 * language. Anything else that escapes is logged and answered as a generic internal error.
 */
export enum DomainErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The request, or one database step of it, ran past its time budget. */
  TIMEOUT = 'TIMEOUT',
  /** A dependency (the database) cannot serve right now; trying again later may work. */
  UNAVAILABLE = 'UNAVAILABLE',
  /** A GraphQL operation over a depth, alias, field or cost limit, refused before it runs. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
}

export interface LocalizedMessage {
  en: string;
  vi: string;
}

export class DomainException extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly messages: LocalizedMessage,
    /** Machine-readable details (the field at fault, the current version…). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(messages.en);
    this.name = 'DomainException';
  }

  messageIn(locale: string | undefined): string {
    return locale === 'en' ? this.messages.en : this.messages.vi;
  }
}

export function notFound(entity: LocalizedMessage, id: string): DomainException {
  return new DomainException(
    DomainErrorCode.NOT_FOUND,
    { en: `${entity.en} ${id} was not found`, vi: `Không tìm thấy ${entity.vi} ${id}` },
    { id },
  );
}

export function badInput(field: string, messages: LocalizedMessage): DomainException {
  return new DomainException(DomainErrorCode.BAD_USER_INPUT, messages, { field });
}
