import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { walk } from './outline.js';
import { parseText } from './parse-text.js';
import { generateDocument } from './testing/generate-document.js';
import type { DocumentOutline } from './outline.types.js';

const seed = readFileSync(
  new URL('../test-documents/seed/kon-tum-410-BC-TU-2019.txt', import.meta.url),
  'utf8',
);

const PIECES = [
  'I.',
  'IV-',
  'PHẦN THỨ HAI',
  'A- ',
  'C- ',
  '1.',
  '1-',
  '1)',
  '(2)',
  '1.1.',
  '2.1-',
  'a)',
  'đ)',
  '- ',
  '+ ',
  '• ',
  '\uFFFD',
  '\uFFFD Gồm: ',
  '**',
  '*',
  '__',
  '# ',
  '## ',
  '\\-',
  '\\.',
  '\\*',
  '|',
  '|---|---|',
  '[x](http://a)',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\f',
  ' ',
  '\t',
  '\u00a0',
  'Nơi nhận:',
  'T/M BAN THƯỜNG VỤ',
  'KT. CHỦ TỊCH',
  'Số 410-BC/TU',
  'Số: 12/KH-UBND',
  'Kon Tum, ngày 13 tháng 5 năm 2019',
  'ngày 30/02/2026',
  'NHIỆM VỤ, GIẢI PHÁP',
  'TỔ CHỨC THỰC HIỆN',
  'yêu cầu:',
  'thực hiện tốt một số nhiệm vụ sau:',
  'Tỉnh ủy',
  'Mặt trận Tổ quốc Việt Nam',
  'các đoàn thể chính trị-xã hội',
  'Các huyện ủy, thành ủy',
  ';',
  ',',
  '.',
  ':',
  'chủ trì, phối hợp với',
  'trước ngày 30/6/2026',
  'quý IV/2026',
  'hằng quý',
  'thường xuyên',
  'KẾ HOẠCH',
  'BÁO CÁO',
  '-----',
  '12',
  '- 3 -',
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Điều 1.',
  'Nghị quyết số 25-NQ/TW, ngày 03-6-2013 của Ban Chấp hành Trung ương Đảng khoá XI',
  'Nghị quyết Trung ương 4 khóa XII',
  '"',
  '“',
  '”',
  '(',
  ')',
  'V/v ',
  'nhiệm vụ 3',
  'Ủy'.normalize('NFD'),
  '\u0301',
  '\ud800',
  'e\u0301',
  '\u200b',
  '\ufeff',
];

const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 120 })
  .map((xs) => xs.join(''));
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  hostile,
);
const seedMutation = fc
  .tuple(fc.nat(seed.length), fc.nat(seed.length), fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }))
  .map(([a, b, ins]) => seed.slice(0, Math.min(a, b)) + ins.join('') + seed.slice(Math.max(a, b)));

const WHITE = /[\s\u200b]/;

/**
 * The body is `regions.body`: the text between the header block (up to the title's rule or the
 * first body line) and the closing block (recipients and signature) or the U+FFFD footnotes.
 * Every non-white-space character of it must lie in exactly one node segment or one noise line.
 */
function coverageErrors(o: DocumentOutline): string[] {
  const { body } = o.regions;
  const count = new Uint8Array(o.text.length);
  const mark = (s: { start: number; end: number }) => {
    for (let i = s.start; i < s.end; i++) count[i]++;
  };
  for (const n of walk(o.root)) n.segments.forEach(mark);
  o.noise.forEach(mark);
  const errors: string[] = [];
  for (let i = 0; i < o.text.length; i++) {
    const inBody = i >= body.start && i < body.end;
    // White space may sit inside a node's segment (between words) but never in two places.
    const ok = inBody && !WHITE.test(o.text[i]) ? count[i] === 1 : count[i] <= 1;
    if (!ok) errors.push(`offset ${i} (${JSON.stringify(o.text[i])}) covered ${count[i]} times`);
    if (count[i] > 0 && !inBody) errors.push(`offset ${i} outside the body is in a node`);
    if (errors.length > 3) break;
  }
  return errors;
}

function regionErrors(o: DocumentOutline): string[] {
  const r = o.regions;
  const end = o.text.length;
  const errors: string[] = [];
  if (r.header.start !== 0 || r.header.end !== r.body.start)
    errors.push('header does not lead into the body');
  const afterBody = r.closing?.start ?? r.footnotes?.start ?? end;
  if (r.body.end !== afterBody) errors.push('body does not end where the closing or footnotes start');
  if (r.closing && r.closing.end !== (r.footnotes?.start ?? end))
    errors.push('closing does not end where the footnotes start');
  if (r.footnotes && r.footnotes.end !== end) errors.push('footnotes do not run to the end');
  if (r.body.start > r.body.end) errors.push('body is reversed');
  return errors;
}

describe('parseText on any input', () => {
  it('never throws, and returns spans inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, seedMutation), (text) => {
        const o = parseText(text);
        expect(o.text).toBe(text.normalize('NFC'));
        for (const n of walk(o.root))
          for (const s of n.segments)
            expect(s.start >= 0 && s.start < s.end && s.end <= o.text.length).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('loses no text: every non-space character of the body lands in exactly one node', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, seedMutation), (text) => {
        const o = parseText(text);
        expect(regionErrors(o)).toEqual([]);
        expect(coverageErrors(o)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('loses no text of the seed and of generated documents', () => {
    for (const text of [seed, generateDocument({ size: 60_000, seed: 3, footnotes: true })]) {
      const o = parseText(text);
      expect(regionErrors(o)).toEqual([]);
      expect(coverageErrors(o)).toEqual([]);
      expect(o.regions.body.end - o.regions.body.start).toBeGreaterThan(text.length / 2);
    }
  });

  it('attaches as many footnotes as the generator broke sentences for', () => {
    const text = generateDocument({ size: 60_000, seed: 11, footnotes: true });
    const o = parseText(text);
    const bodies = (text.match(/\uFFFD/g) ?? []).length;
    expect(bodies).toBeGreaterThan(3);
    expect(o.footnotes).toHaveLength(bodies);
    expect(o.footnotes.every((f) => f.anchor !== null)).toBe(true);
  });
});

/** The fastest of a few runs: garbage-collection pauses only ever add time. */
function minMs(text: string, runs: number): number {
  parseText(text);
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    parseText(text);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function medianMs(text: string, runs: number): number {
  parseText(text);
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    parseText(text);
    xs.push(performance.now() - t0);
  }
  return xs.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

describe('parse time', () => {
  it('grows linearly: 1 MB takes less than ~15× the time of 100 KB, and stays under a generous ceiling', () => {
    const small = generateDocument({ size: 100 * 1024, seed: 5, footnotes: true });
    const large = generateDocument({ size: 1024 * 1024, seed: 5, footnotes: true });
    let tSmall = 0;
    let tLarge = Infinity;
    for (let attempt = 0; attempt < 3 && tLarge >= 15 * Math.max(tSmall, 2); attempt++) {
      tSmall = medianMs(small, 5);
      tLarge = medianMs(large, 3);
    }
    expect(tLarge).toBeLessThan(15 * Math.max(tSmall, 2));
    expect(tLarge).toBeLessThan(2000);
  });

  it('stays linear on hostile shapes: one huge line, only markers, only markup, only footnote signs', () => {
    const shapes = [
      (n: number) => 'a'.repeat(n),
      (n: number) => '1.1.'.repeat(n / 4),
      (n: number) => '1. a\n'.repeat(n / 5),
      (n: number) => '*_\\'.repeat(n / 3),
      (n: number) => '\uFFFD x\n'.repeat(n / 4),
      (n: number) => '; x\n'.repeat(n / 4),
      (n: number) => 'Nghị quyết số 1'.repeat(n / 15),
      (n: number) => '"'.repeat(n),
      (n: number) => 'Mặt trận Tổ quốc Việt Nam và các đoàn thể '.repeat(n / 43),
      (n: number) => 'T/M X\n'.repeat(n / 6),
    ];
    for (const shape of shapes) {
      // Ten times the text may take ~10× the time; quadratic work would take ~100× on every attempt,
      // while a busy machine (other test workers) slows a single attempt only.
      let verdict = { shape: shape(30).slice(0, 30), tSmall: 0, tLarge: 0, linear: false };
      for (let attempt = 0; attempt < 3 && !verdict.linear; attempt++) {
        const tSmall = minMs(shape(10_000), 3);
        const tLarge = minMs(shape(100_000), 3);
        verdict = {
          ...verdict,
          tSmall: Math.round(tSmall),
          tLarge: Math.round(tLarge),
          linear: tLarge < 30 * Math.max(tSmall, 5),
        };
      }
      expect(verdict).toEqual({ ...verdict, linear: true });
    }
  });
});
