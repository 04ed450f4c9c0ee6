import { DomainErrorCode, DomainException } from '@dondoc/platform';

export const DOCUMENT = { en: 'Document', vi: 'văn bản' };
export const TASK = { en: 'Task', vi: 'nhiệm vụ' };

export function notDraft(number: string | null): DomainException {
  return new DomainException(
    DomainErrorCode.CONFLICT,
    {
      en: `Document ${number ?? ''} is published: its tasks can no longer be edited`.replace('  ', ' '),
      vi: `Văn bản ${number ?? ''} đã ban hành: không thể sửa nhiệm vụ`.replace('  ', ' '),
    },
    { reason: 'PUBLISHED' },
  );
}
