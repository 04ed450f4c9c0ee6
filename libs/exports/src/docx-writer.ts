import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

import { onTimeRate, type OverdueItem, type ReportData } from './report-data.js';
import {
  bodyDate,
  CATEGORY_VI,
  OFFICIAL_CATEGORIES,
  percentText,
  placeDateLine,
  SEVERITY_VI,
} from './report-labels.js';

/**
 * The consolidated report (.docx) in the layout of a Party report (Hướng dẫn 36-HD/VPTW, as
 * DOCUMENT-LAYOUT.md §1 gives it): A4, margins 20/20/30/15 mm, Times New Roman; the issuer
 * block at the top left (issuer in bold capitals, the `*`, the number line `Số …-BC/…`),
 * `ĐẢNG CỘNG SẢN VIỆT NAM` at the top right (15 pt bold, underlined) with the place and date
 * in italics under it; `BÁO CÁO` (16 pt) and the abstract centred in bold, `-----`; the body
 * (14 pt, justified, first line indented 1.27 cm) with the figures in the four official
 * categories, the table by organization (12 pt) and the overdue items with their
 * inspections; then the recipients (`Nơi nhận:` underlined, items 12 pt) beside the
 * signature block (`T/M …`). Page numbers at the top centre, none on page 1.
 */
export const FONT = 'Times New Roman';
/** docx sizes are half-points. */
const PT = (points: number) => points * 2;
const TWIPS_PER_MM = 56.7;

export async function writeDocx(data: ReportData): Promise<Buffer> {
  const document = new Document({
    creator: 'Dondoc',
    title: `Báo cáo ${abstractOf(data)}`,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838 },
            margin: {
              top: Math.round(20 * TWIPS_PER_MM),
              bottom: Math.round(20 * TWIPS_PER_MM),
              left: Math.round(30 * TWIPS_PER_MM),
              right: Math.round(15 * TWIPS_PER_MM),
            },
          },
        },
        headers: {
          default: new Header({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [pageNumberRun()] })],
          }),
          first: new Header({ children: [new Paragraph({})] }),
        },
        children: [
          headerBlock(data),
          centred('BÁO CÁO', { size: 16, bold: true, spaceBefore: 240 }),
          centred(abstractOf(data), { size: 14, bold: true }),
          centred('-----', { size: 14 }),
          ...body(data),
          closingBlock(data),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

function run(text: string, style: RunStyle): TextRun {
  return new TextRun({ text: text.normalize('NFC'), ...runStyle(style) });
}

/** The current page's number (a PAGE field), 14 pt like the body. */
function pageNumberRun(): TextRun {
  return new TextRun({ children: [PageNumber.CURRENT], ...runStyle({}) });
}

function runStyle(style: RunStyle) {
  return {
    font: FONT,
    size: PT(style.size ?? 14),
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    ...(style.underline ? { underline: {} } : {}),
  };
}

function centred(text: string, style: RunStyle & { spaceBefore?: number }): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: style.spaceBefore ?? 0, after: 60 },
    children: [run(text, style)],
  });
}

/** A body paragraph: justified, first line indented 1.27 cm, 6 pt after, line 1.2. */
function para(children: ParagraphChild[] | string, options: { indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: 720 },
    spacing: { after: 120, line: 288 },
    children: typeof children === 'string' ? [run(children, {})] : children,
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 720 },
    spacing: { before: 120, after: 120 },
    children: [run(text, { bold: true })],
  });
}

/** The issuer's name, in capitals as the header prints it. */
export function issuerOf(data: ReportData): { superior: string | null; issuer: string } {
  if (data.document?.issuer) return { superior: null, issuer: upper(data.document.issuer) };
  return {
    superior: data.issuer.parentName ? upper(data.issuer.parentName) : null,
    issuer: upper(data.issuer.name),
  };
}

/** `Số     -BC/TU`: the number is left for the office to fill in when it registers the report. */
export function numberLineOf(data: ReportData): string {
  const symbol = /\/\s*([A-ZĐ][A-ZĐ0-9-]*)\s*$/.exec(data.document?.number ?? '')?.[1];
  return `Số       -BC${symbol ? `/${symbol}` : ''}`;
}

export function abstractOf(data: ReportData): string {
  const document = data.document;
  const scope = data.organization ? ` của ${data.organization.name} và các cơ quan trực thuộc` : '';
  if (!document) return `tình hình thực hiện các nhiệm vụ được giao${scope}`;
  const type = document.type ? sentenceCase(document.type) : 'Văn bản';
  const cited = [
    `${type}${document.number ? ` số ${document.number}` : ''}`,
    document.date ? `, ngày ${bodyDate(document.date)}` : '',
  ].join('');
  const title = document.title ? ` về ${document.title.replace(/\s+/g, ' ').trim()}` : '';
  return `tình hình thực hiện nhiệm vụ theo ${cited}${title}${scope}`;
}

function headerBlock(data: ReportData): Table {
  const { superior, issuer } = issuerOf(data);
  const left = [
    ...(superior ? [centred(superior, { size: 14 })] : []),
    centred(issuer, { size: 14, bold: true }),
    centred('*', { size: 14 }),
    centred(numberLineOf(data), { size: 14 }),
  ];
  const right = [
    centred('ĐẢNG CỘNG SẢN VIỆT NAM', { size: 15, bold: true, underline: true }),
    new Paragraph({
      spacing: { before: 240 },
      alignment: AlignmentType.RIGHT,
      children: [run(placeDateLine(data.document?.place ?? '……', data.today), { italics: true })],
    }),
  ];
  return borderless([45, 55], [left, right]);
}

function body(data: ReportData): (Paragraph | Table)[] {
  const counts = data.byTimeliness;
  const share = (n: number) => (data.total === 0 ? '' : ` (${percentText(n / data.total)})`);
  const categoryCount = (category: string) =>
    category === 'ON_TRACK' ? counts.ON_TRACK + counts.DUE_SOON : counts[category as keyof typeof counts];
  const lines = OFFICIAL_CATEGORIES.map((category, index) => {
    const n = categoryCount(category);
    const extra =
      category === 'ON_TRACK' && counts.DUE_SOON > 0
        ? `, trong đó ${counts.DUE_SOON} nhiệm vụ sắp đến hạn`
        : '';
    const end = index === OFFICIAL_CATEGORIES.length - 1 && counts.CANCELLED === 0 ? '.' : ';';
    return para(`- ${CATEGORY_VI[category]}: ${n} nhiệm vụ${share(n)}${extra}${end}`);
  });
  if (counts.CANCELLED > 0) lines.push(para(`- Đã hủy: ${counts.CANCELLED} nhiệm vụ.`));

  return [
    para(
      `Căn cứ số liệu theo dõi, đôn đốc đến ngày ${bodyDate(data.today)}, ${data.issuer.name} báo cáo tình hình thực hiện như sau:`,
    ),
    heading('I. KẾT QUẢ THỰC HIỆN'),
    heading('1. Số liệu chung'),
    para(`Tổng số nhiệm vụ được giao: ${data.total} nhiệm vụ, trong đó:`),
    ...lines,
    para(`Tỷ lệ hoàn thành đúng hạn (trên số nhiệm vụ đã đến hạn): ${percentText(onTimeRate(counts))}.`),
    heading('2. Tình hình thực hiện theo cơ quan'),
    organizationTable(data),
    heading('II. NHIỆM VỤ QUÁ HẠN VÀ KẾT QUẢ KIỂM TRA'),
    ...(data.overdue.length === 0
      ? [para('Không có nhiệm vụ quá hạn.')]
      : data.overdue.flatMap((item, index) => overdueParagraphs(item, index))),
  ];
}

function overdueParagraphs(item: OverdueItem, index: number): Paragraph[] {
  const row = item.row;
  const due = row.dueDate ? `thời hạn ${bodyDate(row.dueDate)}, ` : '';
  const lines = [
    para([
      run(`${index + 1}. ${row.organizationName}: `, { bold: true }),
      run(
        `${row.taskText.replace(/\s+/g, ' ').trim()} (${due}quá hạn ${row.daysOverdue} ngày; tiến độ ${row.percentComplete} %).`,
        {},
      ),
    ]),
  ];
  if (item.inspections.length === 0) lines.push(para('- Chưa có kết luận kiểm tra.'));
  for (const inspection of item.inspections) {
    const status = inspection.status === 'RESOLVED' ? 'đã khắc phục' : 'đang theo dõi khắc phục';
    lines.push(
      para(
        `- Kết luận kiểm tra: ${inspection.finding} (mức độ ${SEVERITY_VI[inspection.severity] ?? inspection.severity}); yêu cầu khắc phục: ${inspection.remedy}; thời hạn kiểm tra lại: ${bodyDate(inspection.followUpDate)}; ${status}.`,
      ),
    );
  }
  return lines;
}

export const ORGANIZATION_TABLE_HEADERS = [
  'STT',
  'Cơ quan, đơn vị',
  'Tổng số',
  'Hoàn thành đúng hạn',
  'Hoàn thành quá hạn',
  'Còn trong hạn',
  'Quá hạn',
  'Tỷ lệ đúng hạn',
];

function organizationTable(data: ReportData): Table {
  const cell = (text: string, options: { bold?: boolean; left?: boolean } = {}) =>
    new TableCell({
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: options.left ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(text, { size: 12, bold: options.bold })],
        }),
      ],
    });
  const widths = [6, 34, 9, 11, 11, 10, 9, 10];
  const header = new TableRow({
    tableHeader: true,
    children: ORGANIZATION_TABLE_HEADERS.map((text) => cell(text, { bold: true })),
  });
  const rows = data.byOrganization.map(
    (line, index) =>
      new TableRow({
        children: [
          cell(String(index + 1)),
          cell(line.name, { left: true }),
          cell(String(line.total)),
          cell(String(line.counts.COMPLETED_ON_TIME)),
          cell(String(line.counts.COMPLETED_LATE)),
          cell(String(line.counts.ON_TRACK + line.counts.DUE_SOON)),
          cell(String(line.counts.OVERDUE)),
          cell(percentText(onTimeRate(line.counts))),
        ],
      }),
  );
  const total = new TableRow({
    children: [
      cell(''),
      cell('Tổng cộng', { bold: true, left: true }),
      cell(String(data.total), { bold: true }),
      cell(String(data.byTimeliness.COMPLETED_ON_TIME), { bold: true }),
      cell(String(data.byTimeliness.COMPLETED_LATE), { bold: true }),
      cell(String(data.byTimeliness.ON_TRACK + data.byTimeliness.DUE_SOON), { bold: true }),
      cell(String(data.byTimeliness.OVERDUE), { bold: true }),
      cell(percentText(onTimeRate(data.byTimeliness)), { bold: true }),
    ],
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: widths.map((w) => Math.round((w / 100) * 9354)),
    rows: [header, ...rows, total],
  });
}

/** The recipients, as the Party layout lists them: items end with a comma, the last with a full stop. */
export function recipientsOf(data: ReportData): string[] {
  const forReport = (data.document?.recipients ?? [])
    .filter((recipient) => recipient.purpose === 'for report')
    .map((recipient) => recipient.text);
  const filed =
    (data.document?.recipients ?? []).find((recipient) => recipient.purpose === 'filed')?.text ??
    `Lưu ${data.issuer.name}`;
  const items = [...forReport, 'Các cơ quan được giao nhiệm vụ', filed];
  return items.map((item, index) => `- ${item}${index === items.length - 1 ? '.' : ','}`);
}

export function signatureOf(data: ReportData): { onBehalfOf: string; position: string | null } {
  const signer = data.document?.signer;
  return {
    onBehalfOf: signer?.onBehalfOf ? upper(signer.onBehalfOf) : `T/M ${upper(data.issuer.name)}`,
    position: signer?.position ? upper(signer.position) : null,
  };
}

function closingBlock(data: ReportData): Table {
  const left = [
    new Paragraph({ spacing: { before: 240 }, children: [run('Nơi nhận:', { underline: true })] }),
    ...recipientsOf(data).map((item) => new Paragraph({ children: [run(item, { size: 12 })] })),
  ];
  const signature = signatureOf(data);
  const right = [
    centred(signature.onBehalfOf, { size: 14, bold: true, spaceBefore: 240 }),
    ...(signature.position ? [centred(signature.position, { size: 14, bold: true })] : []),
    // The gap for the signature and the seal.
    ...[0, 1, 2, 3].map(() => new Paragraph({ children: [] })),
  ];
  return borderless([45, 55], [left, right]);
}

function borderless(percent: [number, number], cells: [Paragraph[], Paragraph[]]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    columnWidths: percent.map((p) => Math.round((p / 100) * 9354)),
    rows: [
      new TableRow({
        children: cells.map(
          (children, index) =>
            new TableCell({
              width: { size: percent[index]!, type: WidthType.PERCENTAGE },
              borders: TableBorders.NONE,
              children,
            }),
        ),
      }),
    ],
  });
}

function upper(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}

function sentenceCase(text: string): string {
  const lower = text.normalize('NFC').toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}
