import { badInput, DomainErrorCode, DomainException } from '@dondoc/platform';

export const EXPORT = { en: 'Export', vi: 'tệp kết xuất' };

export function notReady(id: string, status: string): DomainException {
  return new DomainException(
    DomainErrorCode.CONFLICT,
    {
      en: `Export ${id} is not ready (${status}): ask for it again once it is DONE`,
      vi: `Tệp kết xuất ${id} chưa sẵn sàng (${status}): vui lòng thử lại khi đã hoàn tất`,
    },
    { id, status },
  );
}

export function unknownFormat(format: string): DomainException {
  return badInput('format', {
    en: `Unknown export format "${format}" (DOCX, XLSX or CSV)`,
    vi: `Định dạng kết xuất "${format}" không hợp lệ (DOCX, XLSX hoặc CSV)`,
  });
}
