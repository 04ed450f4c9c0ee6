/** ISO calendar day from numbers, or null when the day does not exist. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1)) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function lastDayOfMonth(year: number, month: number): string | null {
  if (!(month >= 1 && month <= 12)) return null;
  return isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

const NUMERIC = /(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})/;
const WORDS = /(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;

/** Reads `03-6-2013`, `25/02/2010` or `13 tháng 5 năm 2019` at the start of the string. */
export function parseDateAt(text: string): { iso: string; length: number } | null {
  const m = /^(?:ngày\s+)?/u.exec(text);
  const skip = m ? m[0].length : 0;
  const rest = text.slice(skip);
  const w = WORDS.exec(rest);
  if (w && w.index === 0) {
    const iso = isoDate(+w[3], +w[2], +w[1]);
    return iso ? { iso, length: skip + w[0].length } : null;
  }
  const n = NUMERIC.exec(rest);
  if (n && n.index === 0) {
    const iso = isoDate(+n[3], +n[2], +n[1]);
    return iso ? { iso, length: skip + n[0].length } : null;
  }
  return null;
}
