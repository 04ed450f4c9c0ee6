import type { ReportData } from './report-data.js';
import { cellText } from './spreadsheet-safe.js';
import { TRACKING_HEADERS, trackingCells } from './tracking-columns.js';

const BOM = '\uFEFF';

/**
 * The tracking table as CSV: UTF-8 with a byte-order mark (so Excel reads the diacritics),
 * CRLF line ends, and RFC 4180 quoting — a field with a comma, quote or line break is
 * quoted and its quotes doubled. Text fields are neutralised against formulas first.
 */
export function writeCsv(data: ReportData): Buffer {
  const lines = [
    TRACKING_HEADERS.map(csvField),
    ...data.rows.map((row, index) => trackingCells(row, index).map(csvField)),
  ];
  return Buffer.from(BOM + lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n', 'utf8');
}

export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : cellText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
