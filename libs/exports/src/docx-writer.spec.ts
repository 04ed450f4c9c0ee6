import JSZip from 'jszip';

import { writeDocx } from './docx-writer.js';
import {
  alignmentOf,
  type DocxParagraph,
  isBold,
  isItalic,
  paragraphsOf,
  sizeOf,
} from './testing/docx-text.js';
import { reportFixture } from './testing/report-fixture.js';

type Para = DocxParagraph;
const bold = isBold;
const italic = isItalic;
const size = sizeOf;
const align = alignmentOf;

describe('writeDocx: the consolidated report in the Party layout (DOCUMENT-LAYOUT.md §1)', () => {
  const data = reportFixture();
  let documentXml: string;
  let stylesXml: string;
  let pageHeaderXml: string;
  let paragraphs: Para[];
  const find = (text: string | RegExp) => {
    const found = paragraphs.find((p) => (typeof text === 'string' ? p.text === text : text.test(p.text)));
    if (!found)
      throw new Error(`no paragraph ${String(text)} in: ${paragraphs.map((p) => p.text).join(' | ')}`);
    return found;
  };
  const indexOf = (p: Para) => paragraphs.indexOf(p);

  beforeAll(async () => {
    const zip = await JSZip.loadAsync(await writeDocx(data));
    documentXml = await zip.file('word/document.xml')!.async('string');
    stylesXml = await zip.file('word/styles.xml')!.async('string');
    // The default header (pages 2 on) carries the page number; the first page's is empty.
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    pageHeaderXml = headers.find((xml) => xml.includes('>PAGE<')) ?? '';
    expect(headers.filter((xml) => !xml.includes('>PAGE<'))).toHaveLength(1);
    paragraphs = paragraphsOf(documentXml);
  });

  it('is A4 portrait with margins 20/20/30/15 mm, Times New Roman 14 pt, no page number on page 1', () => {
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(documentXml).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(documentXml).toContain('<w:titlePg/>');
    expect(pageHeaderXml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(pageHeaderXml).toContain('<w:jc w:val="center"/>');
    expect(stylesXml).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(stylesXml).toMatch(/<w:sz w:val="28"\/>/);
    // Every run names the font itself too.
    const runs = [...documentXml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map(([r]) => r);
    expect(runs.length).toBeGreaterThan(20);
    expect(runs.every((r) => r.includes('w:ascii="Times New Roman"'))).toBe(true);
  });

  it('puts the issuer, the * and the number line at the top left, the Party line and the italic date at the top right', () => {
    const firstTable = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(documentXml)![0];
    const [left, right] = [...firstTable.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([c]) => paragraphsOf(c));
    expect(left!.map((p) => p.text)).toEqual(['TỈNH ỦY KON TUM', '*', 'Số       -BC/TU']);
    expect(bold(left![0]!)).toBe(true);
    expect(size(left![0]!)).toBe(14);
    expect(bold(left![2]!)).toBe(false);
    expect(right!.map((p) => p.text)).toEqual([
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Kon Tum, ngày 05 tháng 4 năm 2027',
    ]);
    expect(bold(right![0]!) && size(right![0]!) === 15 && /<w:u w:val="single"\/>/.test(right![0]!.xml)).toBe(
      true,
    );
    expect(italic(right![1]!)).toBe(true);
    expect(size(right![1]!)).toBe(14);
    // The header table has no borders: the layout draws none.
    expect(firstTable).toMatch(/<w:tblBorders>[\s\S]*<w:top w:val="none"/);
  });

  it('centres BÁO CÁO (16 pt bold) and the abstract (bold, starting lower-case), then the five hyphens', () => {
    const type = find('BÁO CÁO');
    expect([align(type), bold(type), size(type)]).toEqual(['center', true, 16]);
    const abstract = paragraphs[indexOf(type) + 1]!;
    expect(abstract.text).toBe(
      'tình hình thực hiện nhiệm vụ theo Báo cáo số 410-BC/TU, ngày 13-5-2019 về tổng kết 10 năm thực hiện Kết luận số 62-KL/TW của Bộ Chính trị',
    );
    expect([align(abstract), bold(abstract), size(abstract)]).toEqual(['center', true, 14]);
    expect(paragraphs[indexOf(type) + 2]!.text).toBe('-----');
  });

  it('gives the figures in the four official categories in a justified 14 pt body with a first-line indent', () => {
    const total = find('Tổng số nhiệm vụ được giao: 4 nhiệm vụ, trong đó:');
    expect([align(total), size(total)]).toEqual(['both', 14]);
    expect(total.xml).toContain('<w:ind w:firstLine="720"/>');
    expect(find('- Hoàn thành đúng hạn: 1 nhiệm vụ (25 %);')).toBeDefined();
    expect(find('- Hoàn thành quá hạn: 1 nhiệm vụ (25 %);')).toBeDefined();
    expect(find('- Chưa hoàn thành, còn trong hạn: 1 nhiệm vụ (25 %);')).toBeDefined();
    expect(find('- Chưa hoàn thành, đã quá hạn: 1 nhiệm vụ (25 %).')).toBeDefined();
    expect(find(/^Tỷ lệ hoàn thành đúng hạn .*: 33,3 %\.$/)).toBeDefined();
  });

  it('has the table by organization (12 pt, repeated bold header) with a total row', () => {
    const tables = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) => t);
    expect(tables).toHaveLength(3); // header block, by organization, recipients and signature
    const rows = [...tables[1]!.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([r]) =>
      paragraphsOf(r).map((p) => p.text),
    );
    expect(tables[1]).toContain('<w:tblHeader/>');
    expect(rows[0]).toEqual([
      'STT',
      'Cơ quan, đơn vị',
      'Tổng số',
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Còn trong hạn',
      'Quá hạn',
      'Tỷ lệ đúng hạn',
    ]);
    expect(rows).toContainEqual(['1', 'Hội Liên hiệp Phụ nữ tỉnh', '2', '0', '0', '1', '1', '0 %']);
    expect(rows).toContainEqual(['2', 'Hội Nông dân tỉnh', '2', '1', '1', '0', '0', '50 %']);
    expect(rows.at(-1)).toEqual(['', 'Tổng cộng', '4', '1', '1', '1', '1', '33,3 %']);
    expect(paragraphsOf(tables[1]!).every((p) => size(p) === 12)).toBe(true);
  });

  it('lists the overdue items with their days overdue and the inspections on them', () => {
    const heading = find('II. NHIỆM VỤ QUÁ HẠN VÀ KẾT QUẢ KIỂM TRA');
    const item = find(/^1\. Hội Liên hiệp Phụ nữ tỉnh: /);
    expect(item.text).toBe(
      '1. Hội Liên hiệp Phụ nữ tỉnh: 2. Ủy ban nhân dân tỉnh chỉ đạo, phối hợp (thời hạn 31-3-2027, quá hạn 5 ngày; tiến độ 0 %).',
    );
    expect(indexOf(item)).toBeGreaterThan(indexOf(heading));
    expect(paragraphs[indexOf(item) + 1]!.text).toBe(
      '- Kết luận kiểm tra: Chậm triển khai kế hoạch phối hợp (mức độ cao); yêu cầu khắc phục: Hoàn thành trước ngày 30-4-2027; thời hạn kiểm tra lại: 30-4-2027; đang theo dõi khắc phục.',
    );
  });

  it('ends with the recipients (underlined, items 12 pt) beside the signature block (T/M …, bold, centred)', () => {
    const tables = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) => t);
    const [left, right] = [...tables[2]!.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([c]) => paragraphsOf(c));
    expect(left![0]!.text).toBe('Nơi nhận:');
    expect(left![0]!.xml).toMatch(/<w:u w:val="single"\/>/);
    expect(bold(left![0]!)).toBe(false);
    expect(left!.slice(1).map((p) => p.text)).toEqual([
      '- Ban Dân vận Trung ương (b/c),',
      '- Các cơ quan được giao nhiệm vụ,',
      '- Lưu Văn phòng Tỉnh uỷ.',
    ]);
    expect(left!.slice(1).every((p) => size(p) === 12)).toBe(true);
    expect(right![0]!.text).toBe('T/M BAN THƯỜNG VỤ');
    expect(right![1]!.text).toBe('PHÓ BÍ THƯ');
    expect([bold(right![0]!), align(right![0]!), size(right![0]!)]).toEqual([true, 'center', 14]);
    // After the body: the closing table is the last thing in the document.
    expect(documentXml.lastIndexOf('Nơi nhận:')).toBeGreaterThan(documentXml.indexOf('NHIỆM VỤ QUÁ HẠN'));
  });

  it('keeps the Vietnamese text in NFC', () => {
    expect(documentXml.normalize('NFC')).toBe(documentXml);
  });
});
