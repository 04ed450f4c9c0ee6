import { writeCsv } from './csv-writer.js';
import { TIMELINESS_VI } from './report-labels.js';
import { reportFixture } from './testing/report-fixture.js';
import { TRACKING_HEADERS } from './tracking-columns.js';

/** A small RFC 4180 reader, written independently of the writer, to read back what it wrote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  return records;
}

describe('writeCsv', () => {
  const data = reportFixture();
  const bytes = writeCsv(data);
  const text = bytes.toString('utf8');

  it('starts with the UTF-8 byte-order mark and ends every record with CRLF', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('has the header and one record per assignment, Vietnamese intact, formulas neutralised, quotes doubled', () => {
    const records = parseCsv(text.slice(1));
    expect(records[0]).toEqual([...TRACKING_HEADERS]);
    expect(records).toHaveLength(1 + data.rows.length);
    expect(records[1]).toEqual([
      '1',
      '3. Thường xuyên tuyên truyền, vận động đoàn viên, hội viên',
      'Hội Liên hiệp Phụ nữ tỉnh',
      '',
      '31/03/2027',
      '30/06/2027',
      '45',
      TIMELINESS_VI.ON_TRACK,
      'Đã tổ chức 12 hội nghị, 1.250 hội viên tham gia',
    ]);
    // A coordinator's row names the task's lead, and itself as the coordinating body.
    expect(records[2]!.slice(2, 4)).toEqual(['Ủy ban nhân dân tỉnh', 'Hội Liên hiệp Phụ nữ tỉnh']);
    expect(records[2]![7]).toBe('Quá hạn (chưa hoàn thành)');
    expect(records[2]![8]).toBe('Quá hạn 5 ngày');
    expect(records[3]![1]).toBe(`'=HYPERLINK("http://x","bấm")`);
    expect(records[3]![8]).toBe(`'-5 % so với kế hoạch, "đạt"`);
    expect(records[4]![4]).toBe('Thường xuyên');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""bấm"")"`);
    expect(text.normalize('NFC')).toBe(text);
  });
});
