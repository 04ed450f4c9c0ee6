import { ExportFormat } from './export.entity.js';
import { contentDisposition, exportFileName } from './export-file-name.js';

describe('export file names', () => {
  it('names the file in Vietnamese, without path characters', () => {
    expect(exportFileName(ExportFormat.DOCX, '410-BC/TU', '2027-04-05')).toBe(
      'Báo cáo tình hình thực hiện 410-BC-TU 2027-04-05.docx',
    );
    expect(exportFileName(ExportFormat.CSV, null, '2027-04-05')).toBe(
      'Bảng theo dõi nhiệm vụ 2027-04-05.csv',
    );
  });

  it('gives an ASCII fallback and the exact name in filename* (RFC 5987)', () => {
    const header = contentDisposition('Bảng theo dõi nhiệm vụ 410-BC-TU 2027-04-05.xlsx');
    expect(header).toBe(
      `attachment; filename="Bang theo doi nhiem vu 410-BC-TU 2027-04-05.xlsx"; filename*=UTF-8''${encodeURIComponent('Bảng theo dõi nhiệm vụ 410-BC-TU 2027-04-05.xlsx')}`,
    );
    const star = /filename\*=UTF-8''(.+)$/.exec(header)![1]!;
    expect(decodeURIComponent(star)).toBe('Bảng theo dõi nhiệm vụ 410-BC-TU 2027-04-05.xlsx');
    expect(contentDisposition('Đề án "x".docx')).toMatch(/^attachment; filename="De an _x_.docx"; /);
  });
});
