import { cleanLine, fold, isCaps, isNoiseLine, splitCells, splitLines } from './normalize-text.js';

describe('text helpers', () => {
  it('folds tones and đ for matching', () => {
    expect(fold('Tỉnh Uỷ Đăk Hà')).toBe('tinh uy dak ha');
    expect(fold('Ủy ban'.normalize('NFD'))).toBe('uy ban');
  });

  it('splits lines on LF, CRLF, CR and form feeds, keeping offsets', () => {
    const text = 'a\r\nbb\rc\fd\ne';
    expect(splitLines(text).map((l) => [l.raw, text.slice(l.start, l.end)])).toEqual([
      ['a', 'a'],
      ['bb', 'bb'],
      ['c', 'c'],
      ['d', 'd'],
      ['e', 'e'],
    ]);
  });

  it.each([
    ['**1\\. Tiếp tục** quán triệt', '1. Tiếp tục quán triệt'],
    ['## **IV\\. NHIỆM VỤ**', 'IV. NHIỆM VỤ'],
    ['\\- Ban Dân vận Trung ương (b/c),', '- Ban Dân vận Trung ương (b/c),'],
    ['* Ban Tuyên giáo', '- Ban Tuyên giáo'],
    ['*Kon Tum, ngày 15 tháng 02 năm 2026*', 'Kon Tum, ngày 15 tháng 02 năm 2026'],
    ['\\*', '*'],
    ['*', '*'],
    ['> trích dẫn', 'trích dẫn'],
    ['xem [Nghị quyết](https://example.vn/nq) này', 'xem Nghị quyết này'],
    ['__đậm__ và 2*3*4', 'đậm và 2*3*4'],
  ])('cleans %j', (raw, clean) => {
    expect(cleanLine(raw)).toBe(clean);
  });

  it('recognises lines that carry no content', () => {
    for (const l of ['12', '- 2 -', 'Trang 3', 'Page 4/10', '-----', '|---|:---:|', '***'])
      expect(isNoiseLine(l)).toBe(true);
    for (const l of ['1. Công tác', '12 mô hình', 'A Pớt']) expect(isNoiseLine(l)).toBe(false);
  });

  it('splits header cells on tabs, pipes and wide gaps', () => {
    expect(splitCells('| TỈNH ỦY KON TUM | ĐẢNG CỘNG SẢN VIỆT NAM |')).toEqual([
      'TỈNH ỦY KON TUM',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
    ]);
    expect(splitCells('Số: 12/KH-UBND\tKon Tum, ngày 08 tháng 01 năm 2026')).toEqual([
      'Số: 12/KH-UBND',
      'Kon Tum, ngày 08 tháng 01 năm 2026',
    ]);
    expect(splitCells('PHÓ BÍ THƯ                 ')).toEqual(['PHÓ BÍ THƯ']);
  });

  it('tells capitals from sentence case', () => {
    expect(isCaps('TỈNH ỦY KON TUM')).toBe(true);
    expect(isCaps('T/M BAN THƯỜNG VỤ')).toBe(true);
    expect(isCaps('A Pớt')).toBe(false);
    expect(isCaps('*')).toBe(false);
  });
});
