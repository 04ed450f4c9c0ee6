import { DomainErrorCode, DomainException } from '@dondoc/platform';

export const INSPECTION = { en: 'Inspection', vi: 'kết luận kiểm tra' };

export function invalid(field: string, en: string, vi: string): DomainException {
  return new DomainException(DomainErrorCode.BAD_USER_INPUT, { en, vi }, { field });
}

export function conflict(en: string, vi: string, details: Record<string, unknown> = {}): DomainException {
  return new DomainException(DomainErrorCode.CONFLICT, { en, vi }, details);
}

/** Only the inspectors (and administrators) record and resolve findings. */
export function notInspector(): DomainException {
  return new DomainException(DomainErrorCode.FORBIDDEN, {
    en: 'Only an inspector (or an administrator) may record or resolve an inspection finding',
    vi: 'Chỉ cán bộ kiểm tra (hoặc quản trị viên) mới được ghi nhận hoặc kết thúc kết luận kiểm tra',
  });
}
