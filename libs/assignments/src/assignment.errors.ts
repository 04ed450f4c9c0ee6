import { DomainErrorCode, DomainException, type LocalizedMessage, notFound } from '@dondoc/platform';

export const ASSIGNMENT = { en: 'Assignment', vi: 'nhiệm vụ được giao' };
export const REPORT = { en: 'Progress report', vi: 'báo cáo tiến độ' };
export const EXTENSION = { en: 'Extension request', vi: 'đề nghị gia hạn' };

/** A write based on a stale read: it names the current version so the client can reload. */
export function staleVersion(expected: number, current: number): DomainException {
  return new DomainException(
    DomainErrorCode.CONFLICT,
    {
      en: `The assignment has changed since you read it (your version ${expected}, current version ${current}): reload and try again`,
      vi: `Nhiệm vụ đã được cập nhật sau khi bạn mở (phiên bản của bạn ${expected}, phiên bản hiện tại ${current}): vui lòng tải lại rồi thử lại`,
    },
    { currentVersion: current, expectedVersion: expected },
  );
}

export function notAssigner(): DomainException {
  return new DomainException(DomainErrorCode.FORBIDDEN, {
    en: 'Only the body that gave this work (or its supervisors) may decide this',
    vi: 'Chỉ cơ quan giao nhiệm vụ (hoặc cấp theo dõi) mới được quyết định việc này',
  });
}

export function conflict(en: string, vi: string, details: Record<string, unknown> = {}): DomainException {
  return new DomainException(DomainErrorCode.CONFLICT, { en, vi }, details);
}

export function invalid(field: string, en: string, vi: string): DomainException {
  return new DomainException(DomainErrorCode.BAD_USER_INPUT, { en, vi }, { field });
}

/**
 * A record reached through its assignment is hidden when the assignment is: its "not found"
 * names the record. Any other failure (the database gone mid-request) stays what it is.
 */
export function notFoundAs(entity: LocalizedMessage, id: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof DomainException && error.code === DomainErrorCode.NOT_FOUND)
      throw notFound(entity, id);
    throw error;
  };
}
