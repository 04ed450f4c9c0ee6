/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Vietnamese
 * diacritics), and cells that a spreadsheet would run as a formula made inert.
 */

export const BOM = '\uFEFF';

/** A cell starting with = + - @ (or a tab / carriage return) is prefixed with ' so it stays text. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = neutraliseCell(
    typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean),
  );
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows → CSV text (BOM, header line, CRLF line ends as RFC 4180 says). */
export function toCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [headers, ...rows].map((row) => row.map(cell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * A record as flat columns: `organization.name`, `task.text`; lists joined with "; ".
 * `__typename` is GraphQL plumbing and is left out.
 */
export function flattenRecord(record: object, prefix = ''): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === '__typename') continue;
    const path = `${prefix}${key}`;
    if (Array.isArray(value)) {
      flat[path] = value
        .map((entry: unknown) =>
          typeof entry === 'object' && entry !== null
            ? String((entry as { name?: unknown; id?: unknown }).name ?? (entry as { id?: unknown }).id ?? '')
            : String(entry),
        )
        .join('; ');
    } else if (typeof value === 'object' && value !== null) {
      Object.assign(flat, flattenRecord(value, `${path}.`));
    } else {
      flat[path] = value;
    }
  }
  return flat;
}

/** Records → CSV, with every column any record has, in first-seen order. */
export function recordsToCsv(records: readonly object[], headerOf: (column: string) => string): string {
  const flat = records.map((record) => flattenRecord(record));
  const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  return toCsv(
    columns.map(headerOf),
    flat.map((row) => columns.map((column) => row[column])),
  );
}
