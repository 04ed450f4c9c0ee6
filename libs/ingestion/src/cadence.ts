import { isoDate, lastDayOfMonth } from './dates.js';
import { fold } from './normalize-text.js';
import type { Cadence } from './outline.types.js';

// Matching runs on folded text (no tones), so "hằng"/"hàng" and "quý"/"quí" read alike.
const PERIODIC: { re: RegExp; cadence: Cadence }[] = [
  { re: /\b(?:hang|moi|dinh ky(?: hang)?) thang\b/, cadence: 'MONTHLY' },
  { re: /\b(?:hang|moi|dinh ky(?: hang)?) (?:quy|qui)\b/, cadence: 'QUARTERLY' },
  {
    re: /\b(?:(?:hang|moi|dinh ky(?: hang)?) )?(?:6|sau) thang(?! (?:dau|cuoi) nam)\b/,
    cadence: 'HALF_YEARLY',
  },
  { re: /\b(?:hang|moi|dinh ky(?: hang)?) nam\b/, cadence: 'YEARLY' },
];

/** Reporting rhythm a task states: periodic wording wins over "thường xuyên" (continuous). */
export function detectCadence(text: string): Cadence | null {
  const f = fold(text);
  for (const p of PERIODIC) if (p.re.test(f)) return p.cadence;
  if (/\bthuong xuyen\b/.test(f)) return 'CONTINUOUS';
  return null;
}

const ROMAN_Q: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const CUE =
  '(?:truoc|cham nhat(?: la)?|han(?: chot)?|hoan thanh(?: truoc| trong)?|xong truoc|trong|den|ket thuc(?: truoc)?)';

const DUE: { re: RegExp; read: (m: RegExpExecArray) => string | null }[] = [
  {
    re: new RegExp(`${CUE}(?: ngay)? (\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})`),
    read: (m) => isoDate(+m[3], +m[2], +m[1]),
  },
  {
    re: new RegExp(`${CUE}(?: ngay)? (\\d{1,2}) thang (\\d{1,2}) nam (\\d{4})`),
    read: (m) => isoDate(+m[3], +m[2], +m[1]),
  },
  {
    re: new RegExp(`(?:${CUE} )?quy (iv|iii|ii|i|[1-4])(?:\\s*/\\s*| nam )(\\d{4})`),
    read: (m) => lastDayOfMonth(+m[2], ROMAN_Q[m[1]] * 3),
  },
  {
    re: /(?:6|sau) thang (dau|cuoi) nam (\d{4})/,
    read: (m) => (m[1] === 'dau' ? isoDate(+m[2], 6, 30) : isoDate(+m[2], 12, 31)),
  },
  {
    re: new RegExp(`${CUE} thang (\\d{1,2})(?:\\s*/\\s*| nam )(\\d{4})`),
    read: (m) => lastDayOfMonth(+m[2], +m[1]),
  },
  { re: new RegExp(`(?:${CUE}|cuoi|het|trong|vao) nam (\\d{4})`), read: (m) => isoDate(+m[1], 12, 31) },
  { re: /(?:^|[,(;:]\s*)nam (\d{4})\s*(?:[).;,]|$)/, read: (m) => isoDate(+m[1], 12, 31) },
  {
    re: /(?:^|[,(;:]\s*)thang (\d{1,2})\s*\/\s*(\d{4})\s*(?:[).;,:]|$)/,
    read: (m) => lastDayOfMonth(+m[2], +m[1]),
  },
];

/** The deadline a task states, as the last day of the period it names; null when none. */
export function detectDueDate(text: string): string | null {
  const f = fold(text);
  let best: { at: number; iso: string } | null = null;
  for (const d of DUE) {
    const m = d.re.exec(f);
    if (!m) continue;
    const iso = d.read(m);
    if (iso && (!best || m.index < best.at)) best = { at: m.index, iso };
  }
  return best ? best.iso : null;
}
