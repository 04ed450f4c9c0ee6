// Builds realistic Party documents of any size for tests and benchmarks: header, situation and
// results sections full of numbered items, bullets and hard-wrapped paragraphs, a tasks section,
// signature, recipients and U+FFFD footnotes. Deterministic for a given seed.

const SUBJECTS = [
  'Ban Thường vụ Tỉnh ủy',
  'Ủy ban nhân dân tỉnh',
  'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
  'Hội Liên hiệp Phụ nữ tỉnh',
  'Hội Nông dân tỉnh',
  'Tỉnh đoàn',
  'Các huyện ủy, thành ủy',
  'Ban Dân vận Tỉnh ủy',
];
const VERBS = [
  'tăng cường',
  'đẩy mạnh',
  'tiếp tục triển khai',
  'nâng cao chất lượng',
  'đổi mới nội dung, phương thức',
  'kiện toàn',
];
const OBJECTS = [
  'công tác dân vận của hệ thống chính trị',
  'công tác tuyên truyền, vận động đoàn viên, hội viên',
  'quy chế dân chủ ở cơ sở',
  'phong trào thi đua "Dân vận khéo"',
  'công tác kiểm tra, giám sát',
  'cải cách hành chính, nâng cao chất lượng phục vụ Nhân dân',
];
const TAILS = [
  'theo Kế hoạch số 83-KH/TU, ngày 17-05-2010 của Ban Thường vụ Tỉnh ủy',
  'gắn với thực hiện Nghị quyết số 25-NQ/TW, ngày 03-6-2013 của Ban Chấp hành Trung ương Đảng khoá XI',
  'trên địa bàn các huyện, thành phố',
  'định kỳ hằng quý báo cáo kết quả',
  'hoàn thành trước ngày 30/6/2026',
];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export interface GeneratedDocumentOptions {
  /** Approximate size in UTF-16 code units. */
  size: number;
  seed?: number;
  /** Break some paragraphs with a line starting "; " as a lost footnote superscript does. */
  footnotes?: boolean;
}

/** A large, well-formed document in the seed's style. */
export function generateDocument(options: GeneratedDocumentOptions): string {
  const next = rng(options.seed ?? 42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}, ${pick(TAILS)}`;
  const paragraph = (n: number) => Array.from({ length: n }, sentence).join('; ') + '.';
  const head = [
    '\tTỈNH ỦY KON TUM',
    '*',
    'Số 410-BC/TU',
    '',
    '\tĐẢNG CỘNG SẢN VIỆT NAM',
    'Kon Tum, ngày 13 tháng 5 năm 2019',
    '',
    'BÁO CÁO',
    '',
    'tổng kết thực hiện công tác dân vận',
    '',
    '-----',
    '',
    'Thực hiện Công văn số 03-CV/BCĐ, ngày 01-3-2019 của Ban Chỉ đạo, Ban Thường vụ Tỉnh ủy báo cáo như sau:',
    '',
  ];
  const tail = [
    'IV. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI',
    '',
    `1. ${paragraph(3)}`,
    '',
    paragraph(2),
    `2. ${paragraph(2)}`,
    `3. ${paragraph(2)}`,
    '\tNơi nhận:',
    '- Ban Dân vận Trung ương (b/c),',
    '- Lưu Văn phòng Tỉnh uỷ.',
    '\tT/M BAN THƯỜNG VỤ',
    'PHÓ BÍ THƯ',
    'A Pớt',
    '',
  ];
  const body: string[] = [];
  let size = head.join('\n').length + tail.join('\n').length;
  let footnotes = 0;
  for (let section = 0; size < options.size; section++) {
    const roman = ROMAN[section % ROMAN.length];
    const heading = `${roman}. KẾT QUẢ THỰC HIỆN NỘI DUNG ${section + 1}`;
    const block: string[] = [heading, ''];
    for (let item = 1; item <= 6; item++) {
      block.push(`${item}. Kết quả ${pick(OBJECTS)}`, '');
      block.push(paragraph(1 + Math.floor(next() * 3)));
      if (options.footnotes && next() < 0.3) {
        block[block.length - 1] = block[block.length - 1].replace(/\.$/, '');
        block.push(`; ${sentence()}.`);
        footnotes++;
      }
      if (next() < 0.4) for (let b = 0; b < 3; b++) block.push(`- ${sentence()}.`);
      if (next() < 0.2) block.push(`a) ${sentence()};`, `b) ${sentence()};`, `đ) ${sentence()}.`);
      block.push('');
    }
    const text = block.join('\n');
    body.push(text);
    size += text.length + 1;
  }
  const notes = Array.from({ length: footnotes }, (_, i) => `\uFFFD Ghi chú số ${i + 1}: ${sentence()}.\n\n`);
  return [...head, ...body, ...tail].join('\n') + '\n' + notes.join('');
}
