import { readFileSync } from 'node:fs';
import { parseText } from './parse-text.js';
import { readDocument } from './read-document.js';
import type { DocumentOutline, SuggestedAssignee, Task } from './outline.types.js';

async function load(name: string): Promise<DocumentOutline> {
  const data = new Uint8Array(readFileSync(new URL(`../test-documents/${name}`, import.meta.url)));
  return parseText(await readDocument({ fileName: name, data }));
}

function byRole(t: Task, role: SuggestedAssignee['role']): string[] {
  return t.suggestedAssignees.filter((s) => s.role === role).map((s) => s.organization.key);
}

function numbers(tasks: Task[]): unknown[] {
  return tasks.map((t) => (t.children.length ? [t.number, numbers(t.children)] : t.number));
}

function task(o: DocumentOutline, number: string): Task {
  const all = (ts: Task[]): Task[] => ts.flatMap((t) => [t, ...all(t.children)]);
  const t = all(o.tasks).find((x) => x.number === number);
  if (!t) throw new Error(`no task ${number}`);
  return t;
}

const DISTRICT_COMMITTEES = [
  'kt.tp.thu',
  'kt.dh.hu',
  'kt.dt.hu',
  'kt.nh.hu',
  'kt.dg.hu',
  'kt.st.hu',
  'kt.kr.hu',
  'kt.kp.hu',
  'kt.tmr.hu',
  'kt.ihd.hu',
];
const FIVE = ['kt.td', 'kt.pn', 'kt.nd', 'kt.ccb', 'kt.ldld'];

describe('a district resolution with I-, 1-, a) … đ) and an implementation part', () => {
  let o: DocumentOutline;
  beforeAll(async () => {
    o = await load('resolution-i-dash.txt');
  });

  it('reads a header with a superior body', () => {
    expect(o.header).toMatchObject({
      superiorIssuer: 'ĐẢNG BỘ TỈNH KON TUM',
      issuer: 'HUYỆN ỦY ĐĂK HÀ',
      number: '15-NQ/HU',
      type: 'NGHỊ QUYẾT',
      place: 'Đăk Hà',
      date: '2026-03-05',
      title: 'về tăng cường công tác dân vận trong tình hình mới giai đoạn 2026 - 2030',
      signer: { onBehalfOf: 'T/M HUYỆN ỦY', position: 'BÍ THƯ', name: 'Nguyễn Văn Hùng' },
    });
    expect(o.header.recipients.map((r) => r.purpose)).toEqual(['for report', 'for report', null, 'filed']);
  });

  it('takes section III as the tasks and leaves the situation and objectives lists alone', () => {
    expect(o.sections.map((s) => s.number)).toEqual(['I', 'II', 'III', 'IV']);
    expect(o.tasksSection).toMatchObject({ number: 'III', heading: 'NHIỆM VỤ VÀ GIẢI PHÁP' });
    expect(numbers(o.tasks)).toEqual([
      ['1', ['1.a', '1.b']],
      ['2', ['2.a', '2.b', '2.c', '2.d', '2.đ']],
      ['3', ['3.1']],
    ]);
    expect(task(o, '2.đ').text).toBe('đ) Củng cố, kiện toàn các chi hội, tổ hội ở thôn, làng.');
  });

  it('suggests district bodies with their roles, cadence and deadlines', () => {
    expect(byRole(task(o, '2.a'), 'LEAD')).toEqual(['kt.dh.mttq']);
    expect(byRole(task(o, '2.a'), 'COORDINATE')).toEqual(['kt.dh.doan', 'kt.dh.pn']);
    expect(byRole(task(o, '2.b'), 'LEAD')).toEqual(['kt.dh.nd', 'kt.dh.ccb']);
    expect(byRole(task(o, '1.b'), 'LEAD')).toEqual(['kt.dh.ubnd']);
    expect(task(o, '1.b').cadence).toBe('QUARTERLY');
    expect(task(o, '1.a').dueDate).toBe('2026-06-30');
    // "chính quyền" in a district document means the district People's Committee, not the province's
    expect(byRole(task(o, '1'), 'LEAD')).toEqual(['kt.dh.ubnd']);
  });

  it('attaches "X chủ trì, phối hợp với Y" of the implementation part to the task it names, the rest to the document', () => {
    expect(byRole(task(o, '3'), 'LEAD')).toContain('kt.dh.ubnd');
    expect(byRole(task(o, '3'), 'COORDINATE')).toContain('kt.dh.mttq');
    expect(task(o, '3').suggestedAssignees.find((s) => s.organization.key === 'kt.dh.ubnd')?.source).toBe(
      'implementation',
    );
    expect(o.documentAssignees.map((s) => [s.organization.key, s.role])).toEqual([
      ['kt.dh.ldld', 'COORDINATE'],
    ]);
  });
});

describe('a directive without headings, each item addressed to a body', () => {
  let o: DocumentOutline;
  beforeAll(async () => {
    o = await load('directive-no-headings.txt');
  });

  it('reads the header', () => {
    expect(o.header).toMatchObject({
      issuer: 'TỈNH ỦY KON TUM',
      number: '18-CT/TU',
      type: 'CHỈ THỊ',
      date: '2026-01-20',
      superiorIssuer: null,
    });
    expect(o.header.title).toBe(
      'của Ban Thường vụ Tỉnh ủy về tăng cường công tác phòng, chống tác hại của ma túy trên địa bàn tỉnh',
    );
    expect(o.sections).toEqual([]);
  });

  it('takes the numbered list after the "…yêu cầu … nhiệm vụ sau:" lead-in, and stops at the closing sentence', () => {
    expect(o.tasksSection?.number).toBeNull();
    expect(o.tasksSection?.heading.endsWith('thực hiện tốt một số nhiệm vụ sau:')).toBe(true);
    expect(numbers(o.tasks)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('suggests the addressed body of each item', () => {
    expect(byRole(task(o, '1'), 'LEAD')).toEqual(DISTRICT_COMMITTEES);
    expect(task(o, '1').cadence).toBe('YEARLY');
    expect(byRole(task(o, '2'), 'LEAD')).toEqual(['kt.tu.btg']);
    expect(byRole(task(o, '2'), 'COORDINATE')).toEqual(['kt.tu.bdv', 'kt.td']);
    expect(task(o, '2').dueDate).toBe('2026-03-31');
    expect(byRole(task(o, '3'), 'LEAD')).toEqual(['kt.ubnd', 'kt.ca', 'kt.bdbp']);
    expect(task(o, '3').cadence).toBe('HALF_YEARLY');
    expect(byRole(task(o, '4'), 'LEAD')).toEqual(['kt.mttq', ...FIVE]);
    expect(task(o, '4').cadence).toBe('CONTINUOUS');
    expect(byRole(task(o, '5'), 'LEAD')).toEqual(['kt.tu.ubkt']);
    expect(byRole(task(o, '5'), 'COORDINATE')).toEqual(['kt.tu.btc']);
    expect(task(o, '5').dueDate).toBe('2026-12-15');
  });
});

describe('a plan with 1.1./a)/đ) and decoy numbered lists in its objectives', () => {
  let o: DocumentOutline;
  beforeAll(async () => {
    o = await load('plan-decoy-lists.txt');
  });

  it('reads the header and finds "NỘI DUNG, TIẾN ĐỘ THỰC HIỆN"', () => {
    expect(o.header).toMatchObject({ number: '45-KH/TU', type: 'KẾ HOẠCH', date: '2026-04-10' });
    expect(o.header.signer).toMatchObject({ position: 'PHÓ BÍ THƯ THƯỜNG TRỰC', name: 'Trần Thị Lan' });
    expect(o.tasksSection).toMatchObject({ number: 'II', heading: 'NỘI DUNG, TIẾN ĐỘ THỰC HIỆN' });
  });

  it('nests 1.1. sub-items and a) … đ) letters, and ignores the objectives list', () => {
    expect(numbers(o.tasks)).toEqual([
      ['1', ['1.1', '1.2']],
      ['2', [['2.1', ['2.1.a', '2.1.b', '2.1.c', '2.1.d', '2.1.đ']], '2.2']],
      ['3', ['3.1']],
    ]);
    expect(o.tasks.some((t) => t.text.includes('Quán triệt sâu sắc nội dung'))).toBe(false);
  });

  it('suggests bodies, inherits them into letters and reads deadlines and cadence', () => {
    expect(byRole(task(o, '1.1'), 'LEAD')).toEqual(['kt.tu.btg']);
    expect(byRole(task(o, '1.1'), 'COORDINATE')).toEqual(['kt.tu.bdv']);
    expect(task(o, '1.1').dueDate).toBe('2026-05-31');
    expect(byRole(task(o, '1.2'), 'LEAD')).toEqual(DISTRICT_COMMITTEES);
    expect(task(o, '1.2').dueDate).toBe('2026-06-30');
    expect(byRole(task(o, '2.1.a'), 'LEAD')).toEqual(['kt.ubnd']);
    expect(task(o, '2.1.b').suggestedAssignees.map((s) => [s.organization.key, s.source])).toEqual([
      ['kt.ubnd', 'inherited'],
    ]);
    expect(task(o, '2.1.đ').cadence).toBe('QUARTERLY');
    expect(byRole(task(o, '3.1'), 'LEAD')).toEqual(['kt.tu.ubkt']);
    expect(task(o, '3.1').cadence).toBe('YEARLY');
  });

  it("keeps the implementation part's assignments that name no task at document level", () => {
    expect(o.documentAssignees.map((s) => [s.organization.key, s.role])).toEqual(
      expect.arrayContaining([
        ['kt.tu.bdv', 'LEAD'],
        ['kt.tu.vp', 'COORDINATE'],
      ]),
    );
  });
});

describe('a web copy full of markdown noise', () => {
  let o: DocumentOutline;
  beforeAll(async () => {
    o = await load('web-copy-markdown.txt');
  });

  it('reads the header from a |-drawn table, emphasis and escapes', () => {
    expect(o.header).toMatchObject({
      issuer: 'TỈNH ỦY KON TUM',
      partyHeader: 'ĐẢNG CỘNG SẢN VIỆT NAM',
      number: '52-CTr/TU',
      type: 'CHƯƠNG TRÌNH',
      place: 'Kon Tum',
      date: '2026-02-15',
      signer: { onBehalfOf: 'T/M TỈNH ỦY', position: 'BÍ THƯ', name: 'Nguyễn Văn Minh' },
    });
    expect(o.header.title).toContain(
      'thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI về phát triển du lịch giai đoạn 2026 - 2030',
    );
    expect(o.header.recipients).toEqual([
      { text: 'Ban Bí thư (b/c)', purpose: 'for report' },
      { text: 'Lưu Văn phòng Tỉnh ủy', purpose: 'filed' },
    ]);
  });

  it('reads the outline without the markup and drops the page number', () => {
    expect(o.sections.map((s) => [s.number, s.heading])).toEqual([
      ['I', 'MỤC TIÊU'],
      ['II', 'NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU'],
    ]);
    expect(numbers(o.tasks)).toEqual([
      ['1', ['1.1', '1.2']],
      ['2', ['2.1']],
      ['3', ['3.1']],
    ]);
    expect(task(o, '1').text).toBe('1. Tăng cường tuyên truyền, nâng cao nhận thức về phát triển du lịch');
    expect(task(o, '1.1').text).toBe(
      '- Ban Tuyên giáo Tỉnh ủy chủ trì định hướng nội dung tuyên truyền hằng năm.',
    );
    expect(o.noise.some((s) => o.text.slice(s.start, s.end) === '12')).toBe(true);
  });

  it('suggests bodies and reads cadence and deadlines through the markup', () => {
    expect(byRole(task(o, '1.1'), 'LEAD')).toEqual(['kt.tu.btg']);
    expect(task(o, '1.1').cadence).toBe('YEARLY');
    expect(byRole(task(o, '1.2'), 'LEAD')).toEqual(DISTRICT_COMMITTEES);
    expect(byRole(task(o, '2.1'), 'LEAD')).toEqual(['kt.ubnd']);
    expect(task(o, '2.1').dueDate).toBe('2027-12-31');
    expect(byRole(task(o, '3.1'), 'LEAD')).toEqual(['kt.mttq', 'kt.td']);
    expect(task(o, '3.1').cadence).toBe('CONTINUOUS');
  });
});

describe('hard-wrapped PDF-style text with a page number inside a paragraph', () => {
  let o: DocumentOutline;
  beforeAll(async () => {
    o = await load('pdf-style-hard-wrapped.txt');
  });

  it('reads the header of a commission under the provincial committee', () => {
    expect(o.header).toMatchObject({
      superiorIssuer: 'TỈNH ỦY KON TUM',
      issuer: 'BAN DÂN VẬN',
      number: '27-HD/BDVTU',
      type: 'HƯỚNG DẪN',
      date: '2026-06-12',
      signer: { onBehalfOf: 'K/T TRƯỞNG BAN', position: 'PHÓ TRƯỞNG BAN', name: 'Y Bình' },
    });
  });

  it('rejoins wrapped headings and paragraphs across the page break', () => {
    expect(o.tasksSection?.heading).toBe(
      'NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM TRONG GIAI ĐOẠN 2026 - 2030 CỦA CÁC CƠ QUAN, ĐƠN VỊ',
    );
    const situation = o.root.children[1].children[0].text;
    expect(situation).toContain('hành động của cán bộ, đảng viên, công chức');
    expect(numbers(o.tasks)).toEqual(['1', '2', '3']);
    expect(task(o, '2').text).toBe(
      '2. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các đoàn thể chính trị-xã hội tỉnh hướng dẫn đoàn viên, hội viên tham gia phong trào, phát hiện và giới thiệu các điển hình tiên tiến ở khu dân cư; tổng hợp kết quả hằng năm.',
    );
  });

  it('suggests bodies and reads the deadline and cadence split across lines', () => {
    expect(byRole(task(o, '1'), 'LEAD')).toEqual(['kt.ubnd']);
    expect(task(o, '1').dueDate).toBe('2026-09-30');
    expect(byRole(task(o, '2'), 'LEAD')).toEqual(['kt.mttq', ...FIVE]);
    expect(task(o, '2').cadence).toBe('YEARLY');
    expect(byRole(task(o, '3'), 'LEAD')).toEqual(expect.arrayContaining(DISTRICT_COMMITTEES));
  });
});

describe('NFD text', () => {
  it('parses exactly like its NFC form, with offsets into the NFC text', async () => {
    const raw = readFileSync(new URL('../test-documents/notice-nfd.txt', import.meta.url), 'utf8');
    expect(raw).not.toBe(raw.normalize('NFC'));
    const o = await load('notice-nfd.txt');
    const again = parseText(raw.normalize('NFC'));
    expect(o.text).toBe(raw.normalize('NFC'));
    expect(parseText(raw).tasks).toEqual(again.tasks);
    expect(o.header).toMatchObject({
      issuer: 'TỈNH ỦY KON TUM',
      number: '312-TB/TU',
      type: 'THÔNG BÁO',
      date: '2026-05-08',
    });
    expect(o.header.signer).toMatchObject({
      onBehalfOf: 'T/L BAN THƯỜNG VỤ',
      position: 'CHÁNH VĂN PHÒNG',
      name: 'Phạm Đức Thịnh',
    });
    expect(o.tasksSection).toMatchObject({ number: 'II', heading: 'NHIỆM VỤ TRONG THỜI GIAN TỚI' });
    expect(o.tasks.map((t) => byRole(t, 'LEAD'))).toEqual([['kt.nd'], ['kt.ubnd'], ['kt.tu.bdv']]);
    expect(task(o, '1').cadence).toBe('QUARTERLY');
    expect(task(o, '2').dueDate).toBe('2026-09-30');
  });
});

describe('CRLF line ends', () => {
  it('reads the same outline as with LF', async () => {
    const o = await load('plan-crlf.txt');
    expect(o.text.includes('\r\n')).toBe(true);
    const lf = parseText(o.text.replace(/\r\n/g, '\n'));
    expect(o.tasks.map((t) => t.text)).toEqual(lf.tasks.map((t) => t.text));
    expect(o.header).toMatchObject({
      superiorIssuer: 'ĐẢNG BỘ TỈNH KON TUM',
      issuer: 'HUYỆN ỦY SA THẦY',
      number: '88-KH/HU',
      place: 'Sa Thầy',
      date: '2026-02-02',
    });
    expect(o.header.title).toBe('tổ chức các hoạt động kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam');
    expect(o.tasksSection).toMatchObject({ number: 'II', heading: 'NỘI DUNG THỰC HIỆN' });
    expect(o.tasks.map((t) => byRole(t, 'LEAD'))).toEqual([['kt.st.ubnd'], ['kt.st.doan'], ['kt.st.mttq']]);
    expect(byRole(task(o, '2'), 'COORDINATE')).toEqual(['kt.st.pn']);
    expect(task(o, '1').dueDate).toBe('2026-01-25');
    for (const t of o.tasks) expect(o.text.slice(t.span.start, t.span.end)).toBe(t.text);
  });
});

describe('UTF-16 with a byte-order mark', () => {
  it('decodes and parses', async () => {
    const o = await load('guide-utf16le-bom.txt');
    expect(o.header).toMatchObject({
      superiorIssuer: 'TỈNH ỦY KON TUM',
      issuer: 'BAN TỔ CHỨC',
      number: '09-HD/BTCTU',
      type: 'HƯỚNG DẪN',
      date: '2026-03-14',
    });
    expect(o.tasksSection).toMatchObject({ number: 'I', heading: 'NHIỆM VỤ CỦA CÁC CẤP ỦY' });
    expect(byRole(task(o, '1'), 'LEAD')).toEqual(DISTRICT_COMMITTEES);
    expect(task(o, '1').dueDate).toBe('2026-12-31');
    expect(byRole(task(o, '2'), 'COORDINATE')).toEqual(['kt.tu.ubkt']);
    expect(o.documentAssignees.map((s) => [s.organization.key, s.role])).toEqual([
      ['kt.tu.btc', 'LEAD'],
      ['kt.tu.vp', 'COORDINATE'],
    ]);
  });
});

describe("a State-style plan of the People's Committee", () => {
  let o: DocumentOutline;
  beforeAll(async () => {
    o = await load('state-plan-ubnd.txt');
  });

  it('reads the State header, Số: with a colon and TM./KT. signing', () => {
    expect(o.header).toMatchObject({
      issuer: 'ỦY BAN NHÂN DÂN TỈNH KON TUM',
      superiorIssuer: null,
      partyHeader: null,
      stateHeader: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      number: '12/KH-UBND',
      type: 'KẾ HOẠCH',
      place: 'Kon Tum',
      date: '2026-01-08',
    });
    expect(o.header.title?.startsWith('Triển khai thực hiện Chỉ thị số 18-CT/TU')).toBe(true);
    expect(o.header.signer).toEqual({
      onBehalfOf: 'TM. ỦY BAN NHÂN DÂN',
      authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'],
      position: 'PHÓ CHỦ TỊCH',
      name: 'Lê Văn Bình',
    });
    expect(o.header.recipients.map((r) => [r.text, r.purpose])).toEqual([
      ['Thường trực Tỉnh ủy (b/c)', 'for report'],
      ['Thường trực HĐND tỉnh (b/c)', 'for report'],
      ['Như mục II', null],
      ['Lưu: VT, NC', 'filed'],
    ]);
  });

  it('reads the tasks with roles, State-style dates and cadence', () => {
    expect(o.tasksSection).toMatchObject({ number: 'II', heading: 'NHIỆM VỤ CỤ THỂ' });
    expect(byRole(task(o, '1'), 'LEAD')).toEqual(['kt.ca']);
    expect(byRole(task(o, '1'), 'COORDINATE')).toEqual(['kt.bdbp']);
    expect(task(o, '1').dueDate).toBe('2026-09-30');
    expect(byRole(task(o, '2'), 'LEAD')).toEqual(['kt.bchqs']);
    expect(byRole(task(o, '2'), 'COORDINATE')).toEqual(['kt.ca']);
    expect(byRole(task(o, '3'), 'LEAD')).toHaveLength(10);
    expect(task(o, '3').suggestedAssignees[0].group).toBe('Ủy ban nhân dân các huyện, thành phố');
    expect(task(o, '3').cadence).toBe('MONTHLY');
    expect(byRole(task(o, '4'), 'LEAD')).toEqual(['kt.mttq', ...FIVE]);
    expect(o.references[0]).toMatchObject({
      type: 'Chỉ thị',
      number: '18-CT/TU',
      date: '2026-01-20',
      issuer: 'Ban Thường vụ Tỉnh ủy',
    });
  });
});

describe('a conclusion with a "…yêu cầu:" lead-in', () => {
  let o: DocumentOutline;
  beforeAll(async () => {
    o = await load('conclusion-lead-in.txt');
  });

  it('reads the header and the list after the lead-in', () => {
    expect(o.header).toMatchObject({ number: '205-KL/TU', type: 'KẾT LUẬN', date: '2026-02-25' });
    expect(o.tasksSection).toMatchObject({
      number: null,
      heading: 'Trong thời gian tới, Ban Thường vụ Tỉnh ủy yêu cầu:',
    });
    expect(numbers(o.tasks)).toEqual(['1', ['2', ['2.1', '2.2']], '3']);
    expect(task(o, '2.2').text).toBe('- Xử lý nghiêm các vi phạm về giá.');
    // the office's follow-up sentence is not a task
    expect(o.tasks.some((t) => t.text.includes('Giao Văn phòng'))).toBe(false);
  });

  it('suggests the bodies the conclusion addresses', () => {
    expect(byRole(task(o, '1'), 'LEAD')).toEqual(['kt.ca']);
    expect(byRole(task(o, '1'), 'COORDINATE')).toEqual(['kt.bchqs']);
    expect(task(o, '1').dueDate).toBe('2026-03-31');
    expect(byRole(task(o, '2.1'), 'LEAD')).toEqual(['kt.ubnd']);
    expect(byRole(task(o, '3'), 'LEAD')).toEqual(['kt.mttq', ...FIVE]);
    expect(task(o, '1').actions).toEqual([
      'Công an tỉnh chủ trì, phối hợp với Bộ Chỉ huy Quân sự tỉnh nắm chắc tình hình, không để bị động, bất ngờ',
      'tổng kết công tác bảo đảm an ninh, trật tự trước ngày 31/3/2026.',
    ]);
  });
});

describe('a conclusion pasted with no blank lines at all', () => {
  it('ends the abstract at the lead-in sentence and reads the list after it as the tasks', async () => {
    const o = await load('conclusion-no-blank-lines.txt');
    expect(o.header).toMatchObject({
      number: '500-KL/TU',
      type: 'KẾT LUẬN',
      title: 'của Ban Thường vụ Tỉnh ủy về công tác dân vận',
    });
    expect(o.tasksSection).toMatchObject({ heading: 'Ban Thường vụ Tỉnh ủy yêu cầu:' });
    expect(numbers(o.tasks)).toEqual(['1', '2']);
    expect(byRole(task(o, '2'), 'LEAD')).toEqual(['kt.mttq', ...FIVE]);
  });
});

describe('a report in two parts (PHẦN THỨ NHẤT / PHẦN THỨ HAI)', () => {
  it('takes the precise tasks heading inside the broad part and skips the objectives', async () => {
    const o = await load('program-parts.txt');
    expect(o.header).toMatchObject({
      issuer: 'HUYỆN ỦY NGỌC HỒI',
      number: '120-BC/HU',
      type: 'BÁO CÁO',
      date: '2025-12-15',
    });
    expect(o.sections.map((s) => [s.number, s.heading])).toEqual([
      ['THỨ NHẤT', 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025'],
      ['THỨ HAI', 'PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026'],
    ]);
    expect(o.tasksSection).toMatchObject({ number: 'II', heading: 'NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU' });
    expect(numbers(o.tasks)).toEqual(['1', '2', '3']);
    expect(byRole(task(o, '1'), 'LEAD')).toEqual(['kt.nh.ubnd']);
    expect(task(o, '1').dueDate).toBe('2026-06-30');
    expect(byRole(task(o, '2'), 'LEAD')).toEqual(['kt.nh.mttq', 'kt.nh.nd']);
    expect(task(o, '3').cadence).toBe('CONTINUOUS');
  });
});

describe('a project with A-/B-/C- parts and "PHÂN CÔNG NHIỆM VỤ"', () => {
  it('takes the assignment part as the tasks', async () => {
    const o = await load('project-letter-parts.txt');
    expect(o.header).toMatchObject({ number: '08-ĐA/TU', type: 'ĐỀ ÁN', date: '2026-06-30' });
    expect(o.sections.map((s) => s.number)).toEqual(['A', 'B', 'C']);
    expect(o.tasksSection).toMatchObject({ number: 'C', heading: 'PHÂN CÔNG NHIỆM VỤ' });
    expect(numbers(o.tasks)).toEqual([['1', ['1.1', '1.2']], '2', '3']);
    expect(byRole(task(o, '1'), 'LEAD')).toEqual(['kt.tu.bdv']);
    expect(byRole(task(o, '1.2'), 'LEAD')).toEqual(['kt.tu.bdv']);
    expect(task(o, '1.2').dueDate).toBe('2027-12-31');
    expect(byRole(task(o, '2'), 'LEAD')).toEqual(['kt.mttq', ...FIVE]);
    expect(byRole(task(o, '3'), 'LEAD')).toEqual(['kt.ubnd']);
    expect(task(o, '3').cadence).toBe('YEARLY');
  });
});

describe('a Party letter (công văn) with "V/v" and no type line', () => {
  it('reads it as a CÔNG VĂN and takes the list after "đề nghị … sau:"', async () => {
    const o = await load('party-letter-cv.txt');
    expect(o.header).toMatchObject({
      issuer: 'TỈNH ỦY KON TUM',
      number: '215-CV/TU',
      type: 'CÔNG VĂN',
      title: 'tăng cường công tác phòng, chống thiên tai mùa mưa bão năm 2026',
      date: '2026-09-02',
      signer: { onBehalfOf: 'T/L BAN THƯỜNG VỤ', position: 'CHÁNH VĂN PHÒNG', name: 'Phạm Đức Thịnh' },
    });
    expect(numbers(o.tasks)).toEqual(['1', '2', '3']);
    expect(byRole(task(o, '1'), 'LEAD')).toEqual(['kt.ubnd']);
    expect(task(o, '1').dueDate).toBe('2026-09-15');
    expect(byRole(task(o, '2'), 'LEAD')).toEqual(['kt.bchqs', 'kt.bdbp']);
    expect(byRole(task(o, '3'), 'LEAD')).toEqual(['kt.mttq']);
  });
});
