import { cellText, neutraliseCell } from './spreadsheet-safe.js';

describe('neutraliseCell', () => {
  it.each(['=SUM(A1:A9)', '+84 912', '-1+1', '@cmd', '\t=1', '\r=1', '=HYPERLINK("http://x")'])(
    'prefixes %j with an apostrophe',
    (text) => {
      expect(neutraliseCell(text)).toBe(`'${text}`);
    },
  );

  it.each(['Hội Liên hiệp Phụ nữ tỉnh', '40 %', 'a=b', '', "'already", '1. Tiếp tục'])(
    'leaves %j alone',
    (text) => {
      expect(neutraliseCell(text)).toBe(text);
    },
  );

  it('normalises to NFC before checking, and empties null', () => {
    const decomposed = 'Phụ nữ'.normalize('NFD');
    expect(cellText(decomposed)).toBe('Phụ nữ'.normalize('NFC'));
    expect(cellText(decomposed)).not.toBe(decomposed);
    expect(cellText(null)).toBe('');
    expect(cellText('-giảm')).toBe("'-giảm");
  });
});
