import { ExportFormat, FORMAT_FILE } from './export.entity.js';

const KIND: Readonly<Record<ExportFormat, string>> = {
  [ExportFormat.DOCX]: 'Báo cáo tình hình thực hiện',
  [ExportFormat.XLSX]: 'Bảng theo dõi nhiệm vụ',
  [ExportFormat.CSV]: 'Bảng theo dõi nhiệm vụ',
};

/** `Báo cáo tình hình thực hiện 410-BC-TU 2027-04-05.docx`: Vietnamese, NFC, no path characters. */
export function exportFileName(format: ExportFormat, documentNumber: string | null, day: string): string {
  const number = documentNumber ? ` ${documentNumber.replace(/[\\/:*?"<>|\s]+/g, '-')}` : '';
  return `${KIND[format]}${number} ${day}.${FORMAT_FILE[format].extension}`.normalize('NFC');
}

/**
 * `Content-Disposition` for a download: an ASCII `filename` for old clients (diacritics
 * folded, `đ` → `d`) and the exact Vietnamese name in `filename*` (RFC 5987 / RFC 6266).
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName.normalize('NFC')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
