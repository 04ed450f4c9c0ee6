import { parseDateAt } from './dates.js';
import { parseNumberSymbol } from './header.js';
import type { Citation } from './outline.types.js';

const TYPES: Record<string, string> = {
  'nghị quyết': 'Nghị quyết',
  'quyết định': 'Quyết định',
  'chỉ thị': 'Chỉ thị',
  'kết luận': 'Kết luận',
  'kế hoạch': 'Kế hoạch',
  'chương trình': 'Chương trình',
  'hướng dẫn': 'Hướng dẫn',
  'quy định': 'Quy định',
  'quy chế': 'Quy chế',
  'thông báo': 'Thông báo',
  'công văn': 'Công văn',
  'đề án': 'Đề án',
  'báo cáo': 'Báo cáo',
  'thông tư': 'Thông tư',
  'nghị định': 'Nghị định',
  'tờ trình': 'Tờ trình',
  'thông tri': 'Thông tri',
  luật: 'Luật',
};

// One pass over the text: a type word, then "số" and a number-symbol, or a named Central Committee plenum.
const CITE =
  /(?<![\p{L}])(Nghị quyết|Quyết định|Chỉ thị|Kết luận|Kế hoạch|Chương trình|Hướng dẫn|Quy định|Quy chế|Thông báo|Công văn|Đề án|Báo cáo|Thông tư|Nghị định|Tờ trình|Thông tri)\s+(?:số\s*)?(?=\d)/giu;
const NAMED =
  /(?<![\p{L}])(?:các\s+)?(Nghị quyết|Kết luận)\s+((?:Hội nghị\s+)?(?:lần thứ\s+)?(?:Trung ương|TW)\s+(\d{1,2}|[IVX]+)|Đại hội\s+(?:đại biểu\s+)?(?:toàn quốc\s+|Đảng bộ tỉnh\s+)?lần thứ\s+[IVXL]+)(?:\s*\(?\s*kh(?:óa|oá|oa)\s+([IVXL]+)\)?)?/giu;

const ISSUER_END =
  /\s+(?:về|ban hành|thực hiện|triển khai|quy định|hướng dẫn|phê duyệt|tiếp tục|tổng kết|sơ kết)\s|[“"«(;,.:]|\s+-\s|$/u;
const TERM = /\s*,?\s*kh(?:óa|oá|oa)\s+([IVXL]+)\s*$/iu;

/** Every cited document in `text`; spans are offsets into `text` plus `base`. */
export function findCitations(text: string, base = 0): Citation[] {
  const out: Citation[] = [];
  CITE.lastIndex = 0;
  for (let m = CITE.exec(text); m; m = CITE.exec(text)) {
    const after = m.index + m[0].length;
    const ns = parseNumberSymbol(text.slice(after, after + 60));
    if (!ns) continue;
    let pos = after + ns.length;
    let date: string | null = null;
    const dm = /^\s*,?\s*(?=ngày\s)/u.exec(text.slice(pos, pos + 8));
    if (dm) {
      const d = parseDateAt(text.slice(pos + dm[0].length, pos + dm[0].length + 40));
      if (d) {
        date = d.iso;
        pos += dm[0].length + d.length;
      }
    }
    let issuer: string | null = null;
    let term: string | null = null;
    const im = /^\s*,?\s*của\s+/u.exec(text.slice(pos, pos + 10));
    if (im) {
      const from = pos + im[0].length;
      const window = text.slice(from, from + 120);
      const end = ISSUER_END.exec(window);
      let raw = window.slice(0, end ? end.index : window.length).trim();
      const t = TERM.exec(raw);
      if (t) {
        term = t[1].toUpperCase();
        raw = raw.slice(0, t.index).trim();
      } else {
        const t2 = /^\s*,?\s*kh(?:óa|oá|oa)\s+([IVXL]+)\b/iu.exec(window.slice(raw.length));
        if (t2) term = t2[1].toUpperCase();
      }
      if (raw && /^\p{Lu}/u.test(raw)) {
        issuer = raw;
        pos = from + raw.length;
      }
    }
    out.push({
      type: TYPES[m[1].toLowerCase()] ?? m[1],
      number: ns.value,
      date,
      issuer,
      term,
      name: null,
      text: text.slice(m.index, pos).trim(),
      span: { start: base + m.index, end: base + pos },
    });
  }
  NAMED.lastIndex = 0;
  for (let m = NAMED.exec(text); m; m = NAMED.exec(text)) {
    const type = TYPES[m[1].toLowerCase()] ?? m[1];
    const term = m[4] ? m[4].toUpperCase() : null;
    const what = m[2].replace(/\s+/g, ' ');
    out.push({
      type,
      number: null,
      date: null,
      issuer: /Trung ương|TW/u.test(what) ? 'Ban Chấp hành Trung ương Đảng' : null,
      term,
      name: `${type} ${what}${term ? ` khóa ${term}` : ''}`,
      text: m[0].trim(),
      span: { start: base + m.index, end: base + m.index + m[0].length },
    });
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}
