import { parseNumberSymbol } from './header.js';
import { parseText } from './parse-text.js';

describe('number and symbol', () => {
  it.each([
    ['410-BC/TU', '410-BC/TU'],
    ['62- KL/TW', '62-KL/TW'],
    ['02-QĐi/TU', '02-QĐi/TU'],
    ['148-QĐ/ĐTN', '148-QĐ/ĐTN'],
    ['24-BS/UBKTTU', '24-BS/UBKTTU'],
    ['16/CT-TTg', '16/CT-TTg'],
    ['454/QĐ-UBND,', '454/QĐ-UBND'],
    ['02/2015/QĐ-UBND', '02/2015/QĐ-UBND'],
    ['105/QĐ-LĐLĐ', '105/QĐ-LĐLĐ'],
  ])('reads %j', (text, value) => {
    expect(parseNumberSymbol(text)?.value).toBe(value);
  });

  it('reads nothing from plain numbers', () => {
    expect(parseNumberSymbol('10 năm')).toBeNull();
    expect(parseNumberSymbol('618/874 khu')).toBeNull();
  });
});

describe('the header', () => {
  it('leaves every part null when the text has no header, and invents nothing', () => {
    const o = parseText('1. Ủy ban nhân dân tỉnh chỉ đạo thực hiện.\n2. Tỉnh đoàn vận động đoàn viên.');
    expect(o.header).toEqual({
      issuer: null,
      superiorIssuer: null,
      partyHeader: null,
      stateHeader: null,
      motto: null,
      number: null,
      place: null,
      date: null,
      type: null,
      title: null,
      signer: null,
      recipients: [],
    });
    expect(o.regions.body.start).toBe(0);
    expect(o.root.children.map((n) => n.label)).toEqual(['1', '2']);
  });

  it('keeps a date that does not exist out of the header', () => {
    const o = parseText(
      'TỈNH ỦY KON TUM\n*\nSố 1-CT/TU\nKon Tum, ngày 31 tháng 02 năm 2026\n\nCHỈ THỊ\nvề việc thử\n-----\nNội dung.',
    );
    expect(o.header).toMatchObject({
      issuer: 'TỈNH ỦY KON TUM',
      number: '1-CT/TU',
      type: 'CHỈ THỊ',
      date: null,
      place: null,
    });
  });

  it('reads a header whose cells share lines, in any column order', () => {
    const o = parseText(
      '\tĐẢNG CỘNG SẢN VIỆT NAM\tTỈNH ỦY KON TUM\n\tKon Tum, ngày 02 tháng 3 năm 2026\t*\nSố 7-TB/TU\n\nTHÔNG BÁO\nvề lịch làm việc\n-----\nNội dung.',
    );
    expect(o.header).toMatchObject({
      issuer: 'TỈNH ỦY KON TUM',
      partyHeader: 'ĐẢNG CỘNG SẢN VIỆT NAM',
      number: '7-TB/TU',
      date: '2026-03-02',
      type: 'THÔNG BÁO',
      title: 'về lịch làm việc',
    });
  });
});
