import { findCitations } from './citations.js';

describe('citations', () => {
  it('reads type, Party number, hyphenated date, issuer and term', () => {
    const [c] = findCitations(
      'trọng tâm là Nghị quyết số 25-NQ/TW, ngày 03-6-2013 của Ban Chấp hành Trung ương Đảng khoá XI "về tăng cường"',
    );
    expect(c).toMatchObject({
      type: 'Nghị quyết',
      number: '25-NQ/TW',
      date: '2013-06-03',
      issuer: 'Ban Chấp hành Trung ương Đảng',
      term: 'XI',
      name: null,
    });
  });

  it('reads State numbers with and without a year, and slashed dates', () => {
    const cs = findCitations(
      'Chỉ thị số 16/CT-TTg, ngày 16-5-2016 của Thủ tướng Chính phủ; Quyết định số 02/2015/QĐ-UBND ngày 22/01/2015 của Ủy ban nhân dân tỉnh',
    );
    expect(cs.map((c) => [c.type, c.number, c.date, c.issuer])).toEqual([
      ['Chỉ thị', '16/CT-TTg', '2016-05-16', 'Thủ tướng Chính phủ'],
      ['Quyết định', '02/2015/QĐ-UBND', '2015-01-22', 'Ủy ban nhân dân tỉnh'],
    ]);
  });

  it('reads dates in words and messy spacing', () => {
    const cs = findCitations(
      'Kết luận số 62- KL/TW ngày 08 tháng 12 năm 2009 của Bộ Chính trị khóa X; Kết luận số114-KL/TW',
    );
    expect(cs.map((c) => [c.number, c.date, c.issuer, c.term])).toEqual([
      ['62-KL/TW', '2009-12-08', 'Bộ Chính trị', 'X'],
      ['114-KL/TW', null, null, null],
    ]);
  });

  it('reads named references without a number', () => {
    const cs = findCitations(
      'các Nghị quyết Trung ương 4 khóa XI, khóa XII; Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI',
    );
    expect(cs.map((c) => [c.number, c.name, c.term])).toEqual([
      [null, 'Nghị quyết Trung ương 4 khóa XI', 'XI'],
      [null, 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI', null],
    ]);
  });

  it('gives spans that point at the citation', () => {
    const text = 'theo Kế hoạch số 83-KH/TU, ngày 17-05-2010 thực hiện';
    const [c] = findCitations(text, 100);
    expect(text.slice(c.span.start - 100, c.span.end - 100)).toBe('Kế hoạch số 83-KH/TU, ngày 17-05-2010');
  });

  it('ignores words that are not citations', () => {
    expect(findCitations('kế hoạch triển khai thực hiện các quyết định đúng hạn; 10 năm thực hiện')).toEqual(
      [],
    );
  });
});
