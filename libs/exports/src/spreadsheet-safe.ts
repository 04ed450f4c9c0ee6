/**
 * Text a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, and the tab and carriage
 * return that some programs strip before looking) is prefixed with an apostrophe, so Excel
 * or LibreOffice shows it as typed and never runs it (CSV/formula injection, OWASP).
 * Every text cell of the .xlsx and the CSV goes through this one function.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** NFC, so a name typed with combining marks matches the same name typed precomposed. */
export function cellText(text: string | null | undefined): string {
  return neutraliseCell((text ?? '').normalize('NFC'));
}
