import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { parseDocument } from './index.js';
import { IngestionException, IngestionExceptionCode } from './ingestion.exception.js';
import { decodeText, MAX_DOCUMENT_BYTES, readDocument } from './read-document.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function rejection(p: Promise<unknown>): Promise<IngestionException> {
  try {
    await p;
  } catch (e) {
    if (e instanceof IngestionException) return e;
    throw e;
  }
  throw new Error('expected the read to fail');
}

describe('reading text files', () => {
  const text = 'TỈNH ỦY KON TUM\r\nSố 1-CT/TU\r\n';

  it('reads UTF-8 with and without a byte-order mark', async () => {
    expect(await readDocument({ fileName: 'a.txt', data: utf8(text) })).toBe(text);
    expect(
      await readDocument({ fileName: 'a.txt', data: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]) }),
    ).toBe(text);
  });

  it('reads UTF-16 LE and BE with a byte-order mark', async () => {
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le[2 + i * 2] = c & 0xff;
      le[3 + i * 2] = c >> 8;
      be[2 + i * 2] = c >> 8;
      be[3 + i * 2] = c & 0xff;
    }
    expect(await readDocument({ fileName: 'a.txt', data: le })).toBe(text);
    expect(decodeText(be)).toBe(text);
  });

  it('normalises decomposed Vietnamese to NFC', async () => {
    const nfd = 'Ủy ban nhân dân tỉnh'.normalize('NFD');
    const read = await readDocument({ text: nfd });
    expect(read).toBe('Ủy ban nhân dân tỉnh');
    expect(read.length).toBeLessThan(nfd.length);
  });

  it('treats a file without a name as text unless its bytes say otherwise', async () => {
    expect(await readDocument({ data: utf8('Nội dung') })).toBe('Nội dung');
  });
});

describe('refusing what cannot be read', () => {
  it('refuses an empty document', async () => {
    for (const input of [
      { fileName: 'a.txt', data: new Uint8Array() },
      { text: '  \n\t ' },
      { fileName: 'a.txt', data: utf8('\ufeff \r\n') },
    ]) {
      const e = await rejection(readDocument(input));
      expect(e.code).toBe(IngestionExceptionCode.EMPTY);
      expect(e.message).toMatch(/empty/);
    }
  });

  it('refuses binary garbage', async () => {
    const garbage = new Uint8Array(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256;
    const e = await rejection(readDocument({ fileName: 'notes.txt', data: garbage }));
    expect(e.code).toBe(IngestionExceptionCode.BINARY);
    expect(e.message).toBe(
      'The file is not a text document: it contains binary data or is not valid UTF-8/UTF-16 text.',
    );
    const invalidUtf8 = await rejection(
      readDocument({ fileName: 'x.txt', data: new Uint8Array([0x41, 0xc3, 0x28, 0x41]) }),
    );
    expect(invalidUtf8.code).toBe(IngestionExceptionCode.BINARY);
  });

  it('refuses an unsupported extension, naming it', async () => {
    const e = await rejection(readDocument({ fileName: 'chi-thi.doc', data: utf8('abc') }));
    expect(e.code).toBe(IngestionExceptionCode.UNSUPPORTED_TYPE);
    expect(e.message).toBe('Unsupported file type ".doc" (chi-thi.doc): use .txt, .docx or .pdf.');
  });

  it('refuses a document over 20 MB before reading it', async () => {
    const e = await rejection(
      readDocument({ fileName: 'big.txt', data: new Uint8Array(MAX_DOCUMENT_BYTES + 1) }),
    );
    expect(e.code).toBe(IngestionExceptionCode.TOO_LARGE);
    expect(e.message).toBe('The document is 20.0 MB; the limit is 20 MB.');
    expect(e.message.includes('\n')).toBe(false);
  });

  it('refuses a broken .docx and a broken .pdf with UNREADABLE', async () => {
    const docx = await rejection(readDocument({ fileName: 'a.docx', data: utf8('not a zip at all') }));
    expect(docx.code).toBe(IngestionExceptionCode.UNREADABLE);
    expect(docx.message.startsWith('Could not read the .docx file')).toBe(true);
    const pdf = await rejection(readDocument({ fileName: 'a.pdf', data: utf8('%PDF-1.4 broken') }));
    expect(pdf.code).toBe(IngestionExceptionCode.UNREADABLE);
    expect(pdf.message.split('\n')).toHaveLength(1);
  });
});

function docxParagraph(text: string, bold = false): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, bold })] });
}

describe('a .docx generated in the test', () => {
  it('reads the header table, typed numbering, Word list numbering and the signature block', async () => {
    const cell = (lines: string[]) =>
      new TableCell({
        width: { size: 50, type: WidthType.PERCENTAGE },
        children: lines.map((l) => docxParagraph(l)),
      });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'tasks',
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({
                  children: [
                    cell(['TỈNH ỦY KON TUM', '*', 'Số 33-KH/TU']),
                    cell(['ĐẢNG CỘNG SẢN VIỆT NAM', 'Kon Tum, ngày 03 tháng 4 năm 2026']),
                  ],
                }),
              ],
            }),
            docxParagraph('KẾ HOẠCH', true),
            docxParagraph(
              'triển khai Cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"',
            ),
            docxParagraph('-----'),
            docxParagraph('I. MỤC ĐÍCH, YÊU CẦU', true),
            docxParagraph('Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về Cuộc vận động.'),
            docxParagraph('II. NHIỆM VỤ, GIẢI PHÁP', true),
            new Paragraph({
              numbering: { reference: 'tasks', level: 0 },
              children: [
                new TextRun(
                  'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chủ trì, phối hợp với Hội Nông dân tỉnh hướng dẫn thực hiện Cuộc vận động; sơ kết hằng năm.',
                ),
              ],
            }),
            new Paragraph({
              numbering: { reference: 'tasks', level: 0 },
              children: [
                new TextRun(
                  'Ủy ban nhân dân tỉnh bố trí kinh phí hỗ trợ các khu dân cư; hoàn thành trong quý III/2026.',
                ),
              ],
            }),
            docxParagraph('Nơi nhận:'),
            docxParagraph('- Ban Thường vụ Tỉnh ủy (b/c),'),
            docxParagraph('- Lưu Văn phòng Tỉnh ủy.'),
            docxParagraph('T/M BAN THƯỜNG VỤ', true),
            docxParagraph('PHÓ BÍ THƯ', true),
            docxParagraph('Trần Thị Lan', true),
          ],
        },
      ],
    });
    const data = new Uint8Array(await Packer.toBuffer(doc));
    const outline = await parseDocument({ fileName: 'ke-hoach.docx', data });
    expect(outline.header).toMatchObject({
      issuer: 'TỈNH ỦY KON TUM',
      partyHeader: 'ĐẢNG CỘNG SẢN VIỆT NAM',
      number: '33-KH/TU',
      type: 'KẾ HOẠCH',
      date: '2026-04-03',
      signer: { onBehalfOf: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: 'Trần Thị Lan' },
    });
    expect(outline.header.recipients.map((r) => r.purpose)).toEqual(['for report', 'filed']);
    expect(outline.tasksSection).toMatchObject({ number: 'II', heading: 'NHIỆM VỤ, GIẢI PHÁP' });
    expect(outline.tasks.map((t) => t.number)).toEqual(['1', '2']);
    expect(outline.tasks[0].text.startsWith('1. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh chủ trì')).toBe(true);
    expect(outline.tasks[0].suggestedAssignees.map((s) => [s.organization.key, s.role])).toEqual([
      ['kt.mttq', 'LEAD'],
      ['kt.nd', 'COORDINATE'],
    ]);
    expect(outline.tasks[0].cadence).toBe('YEARLY');
    expect(outline.tasks[1].dueDate).toBe('2026-09-30');
  });
});

describe('a .pdf generated in the test, with a Vietnamese font', () => {
  it('reads the text layer and rejoins the hard-wrapped lines into paragraphs', async () => {
    const fontPath = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const font = await pdf.embedFont(readFileSync(fontPath), { subset: true });
    const lines = [
      'TỈNH ỦY KON TUM',
      '*',
      'Số 40-TB/TU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Kon Tum, ngày 11 tháng 5 năm 2026',
      '',
      'THÔNG BÁO',
      'kết luận của Thường trực Tỉnh ủy về công tác chuyển đổi số',
      '-----',
      '',
      'I. NHIỆM VỤ TRỌNG TÂM',
      '1. Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành đẩy mạnh cải cách hành chính',
      'gắn với chuyển đổi số, nâng cao chất lượng phục vụ người dân và doanh',
      'nghiệp; hoàn thành trước ngày 30/11/2026.',
      '2. Tỉnh đoàn chủ trì, phối hợp với Hội Liên hiệp Phụ nữ tỉnh tổ chức các',
      'đội hình thanh niên hỗ trợ người dân sử dụng dịch vụ công trực tuyến;',
      'báo cáo kết quả hằng quý.',
    ];
    const page1 = pdf.addPage([595, 842]);
    let y = 800;
    for (const line of lines) {
      if (line) page1.drawText(line, { x: 60, y, size: 11, font });
      y -= 16;
    }
    page1.drawText('1', { x: 295, y: 30, size: 10, font });
    const page2 = pdf.addPage([595, 842]);
    [
      '3. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh vận động Nhân dân tham gia',
      'thường xuyên.',
      '',
      'Nơi nhận:',
      '- Lưu Văn phòng Tỉnh ủy.',
      'T/L BAN THƯỜNG VỤ',
      'CHÁNH VĂN PHÒNG',
      'Phạm Đức Thịnh',
    ].forEach((line, i) => {
      if (line) page2.drawText(line, { x: 60, y: 800 - i * 16, size: 11, font });
    });
    page2.drawText('2', { x: 295, y: 30, size: 10, font });
    const data = await pdf.save();

    const text = await readDocument({ fileName: 'thong-bao.pdf', data });
    expect(text).toContain('Kon Tum, ngày 11 tháng 5 năm 2026');
    expect(text).toContain(
      'đẩy mạnh cải cách hành chính gắn với chuyển đổi số, nâng cao chất lượng phục vụ người dân và doanh nghiệp; hoàn thành trước ngày 30/11/2026.',
    );
    expect(text.split('\n')).not.toContain('2');

    const outline = await parseDocument({ fileName: 'thong-bao.pdf', data });
    expect(outline.header).toMatchObject({
      issuer: 'TỈNH ỦY KON TUM',
      number: '40-TB/TU',
      type: 'THÔNG BÁO',
      date: '2026-05-11',
    });
    expect(outline.header.signer).toMatchObject({ onBehalfOf: 'T/L BAN THƯỜNG VỤ', name: 'Phạm Đức Thịnh' });
    expect(outline.tasksSection).toMatchObject({ number: 'I', heading: 'NHIỆM VỤ TRỌNG TÂM' });
    expect(outline.tasks.map((t) => t.number)).toEqual(['1', '2', '3']);
    expect(outline.tasks[0].dueDate).toBe('2026-11-30');
    expect(outline.tasks[1].suggestedAssignees.map((s) => [s.organization.key, s.role])).toEqual([
      ['kt.td', 'LEAD'],
      ['kt.pn', 'COORDINATE'],
    ]);
    expect(outline.tasks[1].cadence).toBe('QUARTERLY');
    expect(outline.tasks[2].cadence).toBe('CONTINUOUS');
  });
});
