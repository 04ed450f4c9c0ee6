import { describe, expect, it } from 'vitest';
import { BOM, flattenRecord, neutraliseCell, recordsToCsv, toCsv } from './csv';

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+84 260 3862 123', `'+84 260 3862 123`],
    ['-1', `'-1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['Hội Liên hiệp Phụ nữ', 'Hội Liên hiệp Phụ nữ'],
    ['a=b', 'a=b'],
  ])('neutralises %j as %j', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it('starts with a BOM, quotes what needs quoting and keeps diacritics', () => {
    const csv = toCsv(
      ['Cơ quan', 'Ghi chú'],
      [
        ['Tỉnh đoàn', 'nói "được", làm ngay'],
        ['=1+1', null],
      ],
    );
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Cơ quan,Ghi chú\r\nTỉnh đoàn,"nói ""được"", làm ngay"\r\n\'=1+1,\r\n');
  });

  it('flattens nested records and lists into columns', () => {
    expect(
      flattenRecord({
        id: 'a-1',
        __typename: 'Assignment',
        organization: { id: 'o-1', name: 'Hội Nông dân tỉnh', __typename: 'Organization' },
        roles: ['SUPERVISOR', 'INSPECTOR'],
      }),
    ).toEqual({
      id: 'a-1',
      'organization.id': 'o-1',
      'organization.name': 'Hội Nông dân tỉnh',
      roles: 'SUPERVISOR; INSPECTOR',
    });
  });

  it('uses every column any record has, with the headers it is given', () => {
    const csv = recordsToCsv([{ id: '1' }, { id: '2', note: '-x' }], (column) => column.toUpperCase());
    expect(csv).toBe(`${BOM}ID,NOTE\r\n1,\r\n2,'-x\r\n`);
  });
});
