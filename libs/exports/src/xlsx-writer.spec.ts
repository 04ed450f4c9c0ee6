import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import { reportFixture } from './testing/report-fixture.js';
import { TRACKING_HEADERS } from './tracking-columns.js';
import { RATE_HEADERS, RATES_SHEET, TIMELINESS_FILL, TRACKING_SHEET, writeXlsx } from './xlsx-writer.js';

describe('writeXlsx', () => {
  const data = reportFixture();
  let bytes: Buffer;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    bytes = await writeXlsx(data);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  });

  it('freezes the header row and puts a filter on it (read from the sheet XML)', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml).toContain('<autoFilter ref="A1:I1"');
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toContain(`name="${TRACKING_SHEET}"`);
    expect(workbookXml).toContain(`name="${RATES_SHEET}"`);
  });

  it('has the nine columns, one row per assignment, a fill per timeliness, and neutralised formulas', () => {
    const sheet = workbook.getWorksheet(TRACKING_SHEET)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...TRACKING_HEADERS]);
    expect(sheet.getRow(1).getCell(1).font.bold).toBe(true);
    expect(sheet.rowCount).toBe(1 + data.rows.length);
    data.rows.forEach((row, index) => {
      const excelRow = sheet.getRow(index + 2);
      for (let column = 1; column <= TRACKING_HEADERS.length; column++) {
        const fill = excelRow.getCell(column).fill as ExcelJS.FillPattern;
        expect(fill.fgColor?.argb).toBe(TIMELINESS_FILL[row.timeliness]);
      }
      expect(excelRow.getCell(1).value).toBe(index + 1);
      expect(excelRow.getCell(7).value).toBe(row.percentComplete);
      expect(excelRow.getCell(1).font.name).toBe('Times New Roman');
    });
    expect(sheet.getRow(2).getCell(2).value).toBe(
      '3. Thường xuyên tuyên truyền, vận động đoàn viên, hội viên',
    );
    expect(sheet.getRow(3).getCell(8).value).toBe('Quá hạn (chưa hoàn thành)');
    // Text that would be a formula stays text: an apostrophe first, and no formula cell.
    const injected = sheet.getRow(4).getCell(2);
    expect(injected.type).toBe(ExcelJS.ValueType.String);
    expect(injected.value).toBe(`'=HYPERLINK("http://x","bấm")`);
    expect(sheet.getRow(4).getCell(9).value).toBe(`'-5 % so với kế hoạch, "đạt"`);
  });

  it("gives each body's on-time rate per period on the second sheet", () => {
    const sheet = workbook.getWorksheet(RATES_SHEET)!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...RATE_HEADERS]);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      '2027-Q1',
      'Hội Liên hiệp Phụ nữ tỉnh',
      3,
      2,
      0,
      0,
      1,
      0,
      2 / 3,
    ]);
    expect(sheet.getRow(2).getCell(9).numFmt).toBe('0.0%');
  });
});
