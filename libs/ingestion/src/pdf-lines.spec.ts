import { rejoinPdfLines } from './pdf-lines.js';

const line = (text: string, gapBefore = 1) => ({ text, gapBefore });

describe('rejoining PDF lines', () => {
  it('rejoins wrapped lines, keeps short header lines apart and drops page numbers', () => {
    const text = rejoinPdfLines([
      line('TỈNH ỦY KON TUM', 0),
      line('*'),
      line('Số 40-TB/TU'),
      line('-----'),
      line('1. Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành đẩy mạnh cải cách hành chính'),
      line('gắn với chuyển đổi số, nâng cao chất lượng phục vụ người dân và doanh'),
      line('3'),
      line('Nghiệp vụ được rà soát; hoàn thành trước ngày 30/11/2026.'),
      line('2. Tỉnh đoàn chủ trì.'),
    ]);
    expect(text.split('\n')).toEqual([
      'TỈNH ỦY KON TUM',
      '*',
      'Số 40-TB/TU',
      '-----',
      '1. Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành đẩy mạnh cải cách hành chính gắn với chuyển đổi số, nâng cao chất lượng phục vụ người dân và doanh Nghiệp vụ được rà soát; hoàn thành trước ngày 30/11/2026.',
      '2. Tỉnh đoàn chủ trì.',
    ]);
  });

  it('starts a paragraph after a sentence end or a wider gap', () => {
    const full = 'x'.repeat(70);
    expect(rejoinPdfLines([line(full, 0), line('Đoạn mới.', 2.2)]).split('\n')).toHaveLength(2);
    expect(rejoinPdfLines([line(full + '.', 0), line('Câu tiếp theo')]).split('\n')).toHaveLength(2);
    expect(rejoinPdfLines([line(full, 0), line('Câu tiếp theo')]).split('\n')).toHaveLength(1);
  });
});
