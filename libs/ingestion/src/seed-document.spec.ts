import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileGazetteer, findEntry } from './gazetteer.js';
import { konTum2019Gazetteer } from './gazetteers/kon-tum-2019.js';
import { parseText } from './parse-text.js';
import { toParseJson } from './parse-json.js';
import type { DocumentOutline, Task } from './outline.types.js';

const seedUrl = new URL('../test-documents/seed/kon-tum-410-BC-TU-2019.txt', import.meta.url);
const expectedUrl = new URL('../test-documents/seed/kon-tum-410-BC-TU-2019.expected.json', import.meta.url);
const raw = readFileSync(seedUrl, 'utf8');

interface ExpectedTask {
  number: string;
  starts_with?: string;
  text: string;
  children?: ExpectedTask[];
  must_suggest?: string[];
  children_must_suggest?: Record<string, string[]>;
}

const expected = JSON.parse(readFileSync(expectedUrl, 'utf8')) as {
  document: {
    issuer: string;
    party_header: string;
    number: string;
    type: string;
    place: string;
    date: string;
    title_starts_with: string;
    signer: { on_behalf_of: string; position: string; name: string };
    recipients: { text: string; purpose?: string }[];
  };
  sections: { number: string; heading: string }[];
  tasks_section: { number: string; heading: string };
  tasks: ExpectedTask[];
  references_in_tasks_section: { type: string; number: string; date: string }[];
  footnotes: { count: number };
};

const gazetteer = compileGazetteer(konTum2019Gazetteer);

function flatten(tasks: Task[]): Task[] {
  return tasks.flatMap((t) => [t, ...flatten(t.children)]);
}

/** The keys a must_suggest name stands for: a collective's members, or one organization. */
function keysFor(name: string): { keys: string[]; group: string | null } {
  const collective = gazetteer.collectiveByLabel.get(name);
  if (collective) return { keys: collective.keys, group: collective.label };
  const entry = findEntry(konTum2019Gazetteer, name);
  if (!entry) throw new Error(`the gazetteer does not know "${name}"`);
  return { keys: [entry.key], group: null };
}

function expectSuggests(task: Task, names: string[]): void {
  for (const name of names) {
    const { keys, group } = keysFor(name);
    for (const key of keys) {
      const s = task.suggestedAssignees.find((x) => x.organization.key === key);
      expect({ task: task.number, name, key, found: s !== undefined }).toEqual({
        task: task.number,
        name,
        key,
        found: true,
      });
      if (group) expect(s?.group).toBe(group);
    }
  }
}

describe('the seed document 410-BC/TU', () => {
  let outline: DocumentOutline;
  beforeAll(() => {
    outline = parseText(raw);
  });

  it('is a byte-identical copy of the shared seed when the shared folder is present', () => {
    const shared = new URL('../../../../shared/documents/', import.meta.url);
    for (const name of ['kon-tum-410-BC-TU-2019.txt', 'kon-tum-410-BC-TU-2019.expected.json']) {
      const original = fileURLToPath(new URL(name, shared));
      const copy = readFileSync(new URL(`../test-documents/seed/${name}`, import.meta.url));
      expect(copy.length).toBeGreaterThan(1000);
      if (existsSync(original)) expect(copy.equals(readFileSync(original))).toBe(true);
    }
  });

  it('reads the header, signature and recipients', () => {
    const h = outline.header;
    const e = expected.document;
    expect(h.issuer).toBe(e.issuer);
    expect(h.superiorIssuer).toBeNull();
    expect(h.partyHeader).toBe(e.party_header);
    expect(h.stateHeader).toBeNull();
    expect(h.number).toBe(e.number);
    expect(h.type).toBe(e.type);
    expect(h.place).toBe(e.place);
    expect(h.date).toBe(e.date);
    expect(h.title?.startsWith(e.title_starts_with)).toBe(true);
    expect(h.title).toBe(
      'tổng kết 10 năm thực hiện Kết luận số 62-KL/TW của Bộ Chính trị về tiếp tục đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị-xã hội',
    );
    expect(h.signer).toEqual({
      onBehalfOf: e.signer.on_behalf_of,
      authority: [e.signer.on_behalf_of],
      position: e.signer.position,
      name: e.signer.name,
    });
    expect(h.recipients).toEqual(e.recipients.map((r) => ({ text: r.text, purpose: r.purpose ?? null })));
  });

  it('finds the four sections and section IV as the tasks section', () => {
    expect(outline.sections.map((s) => ({ number: s.number, heading: s.heading }))).toEqual(
      expected.sections,
    );
    expect(
      outline.tasksSection && { number: outline.tasksSection.number, heading: outline.tasksSection.heading },
    ).toEqual(expected.tasks_section);
  });

  it('reads three tasks with 1, 1 and 2 sub-tasks and their exact texts', () => {
    expect(outline.tasks.map((t) => t.number)).toEqual(['1', '2', '3']);
    expect(outline.tasks.map((t) => t.children.map((c) => c.number))).toEqual([
      ['1.1'],
      ['2.1'],
      ['3.1', '3.2'],
    ]);
    expected.tasks.forEach((et, i) => {
      const t = outline.tasks[i];
      expect(t.number).toBe(et.number);
      expect(t.text).toBe(et.text);
      expect(t.text.startsWith(et.starts_with ?? '')).toBe(true);
      expect(t.children.map((c) => ({ number: c.number, text: c.text }))).toEqual(
        (et.children ?? []).map((c) => ({ number: c.number, text: c.text })),
      );
    });
  });

  it('gives each task a source span that points at its own words', () => {
    for (const t of flatten(outline.tasks)) {
      const source = outline.text.slice(t.span.start, t.span.end);
      expect(source.startsWith(t.text.slice(0, 40))).toBe(true);
      expect(source.endsWith(t.text.slice(-20))).toBe(true);
    }
  });

  it('proposes every body the expected reading lists, per task and sub-task', () => {
    expected.tasks.forEach((et, i) => {
      const t = outline.tasks[i];
      expectSuggests(t, et.must_suggest ?? []);
      for (const [number, names] of Object.entries(et.children_must_suggest ?? {})) {
        const child = t.children.find((c) => c.number === number);
        expect(child).toBeDefined();
        if (child) expectSuggests(child, names);
      }
    });
  });

  it('keeps the suggestions sensible: no body that only appears in a cited title or as an object', () => {
    const t11 = outline.tasks[0].children[0];
    expect(t11.suggestedAssignees.map((s) => s.organization.key)).toEqual(['kt.tu.ubkt']);
    expect(outline.tasks[0].suggestedAssignees.every((s) => s.role === 'LEAD')).toBe(true);
    const reasons = outline.tasks[0].suggestedAssignees
      .filter((s) => s.group === 'Các huyện ủy, thành ủy')
      .map((s) => s.source);
    expect(new Set(reasons)).toEqual(new Set(['issuer']));
  });

  it('reads the six citations of section IV with type, number and date', () => {
    const cited = flatten(outline.tasks)
      .flatMap((t) => t.references)
      .filter((r) => r.number !== null)
      .map((r) => ({ type: r.type, number: r.number, date: r.date }));
    expect(cited).toEqual(expected.references_in_tasks_section);
    const nq25 = outline.tasks[0].references.find((r) => r.number === '25-NQ/TW');
    expect(nq25).toMatchObject({ issuer: 'Ban Chấp hành Trung ương Đảng', term: 'XI' });
  });

  it('reads named references without a number', () => {
    const named = outline.tasks[0].references.filter((r) => r.number === null).map((r) => r.name);
    expect(named).toEqual(['Nghị quyết Trung ương 4 khóa XII', 'Nghị quyết Trung ương 6 khóa XII']);
  });

  it('attaches the 18 footnote bodies to the 18 broken sentences, in order', () => {
    expect(outline.footnotes).toHaveLength(expected.footnotes.count);
    // Independent reading of the anchors: a body line starting with ; , . or " lower-case".
    const lines = outline.text.split('\n');
    const anchors: number[] = [];
    let offset = 0;
    let inBody = false;
    let prevEnd = 0;
    for (const line of lines) {
      if (line.trim() === '-----') inBody = true;
      else if (line.includes('Nơi nhận')) inBody = false;
      else if (inBody && /^(?:[;,.]|\s+\p{Ll})/u.test(line)) anchors.push(prevEnd);
      prevEnd = offset + line.trimEnd().length;
      offset += line.length + 1;
    }
    expect(anchors).toHaveLength(18);
    expect(outline.footnotes.map((f) => f.anchor?.offset)).toEqual(anchors);
    expect(outline.footnotes.map((f) => f.index)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(outline.footnotes[0].text.startsWith('Gồm: Kế hoạch số 61-KH/TU')).toBe(true);
    expect(outline.footnotes[0].anchor?.before).toBe('của Ban Thường vụ Tỉnh ủy');
    expect(outline.footnotes[17].text.startsWith('Quyết định số 1318-QĐ/TU')).toBe(true);
    expect(outline.footnotes.every((f) => !f.text.includes('\uFFFD'))).toBe(true);
  });

  it('rejoins the sentences that the lost superscripts broke', () => {
    const texts = outline.root.children.flatMap(function all(n): string[] {
      return [n.text, ...n.children.flatMap(all)];
    });
    expect(
      texts.some((t) =>
        t.includes('Kế hoạch số 83-KH/TU của Ban Thường vụ Tỉnh ủy; chỉ đạo ủy ban nhân dân'),
      ),
    ).toBe(true);
    expect(texts.some((t) => t.includes('đoàn, hội các cấp theo phương châm hướng mạnh'))).toBe(true);
    expect(texts.some((t) => t.includes('vào tổ chức, thành lập các chi đoàn, chi hội. Thường xuyên'))).toBe(
      true,
    );
    expect(
      texts.some((t) => t.includes('Đã cụ thể hóa và triển khai có hiệu quả Nghị quyết số 18-NQ/TW')),
    ).toBe(true);
  });

  it('maps to the parse --json shape of API.md', () => {
    const json = toParseJson(outline);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['document', 'sections', 'tasksSection', 'tasks', 'references', 'footnotes']),
    );
    expect(Object.keys(json.document)).toEqual(
      expect.arrayContaining(['issuer', 'number', 'type', 'place', 'date', 'title', 'signer', 'recipients']),
    );
    expect(json.document.signer).toEqual({
      onBehalfOf: 'T/M BAN THƯỜNG VỤ',
      position: 'PHÓ BÍ THƯ',
      name: 'A Pớt',
    });
    const t = json.tasks[0];
    expect(Object.keys(t)).toEqual(
      expect.arrayContaining(['number', 'text', 'children', 'suggestedAssignees', 'references', 'cadence']),
    );
    expect(t.suggestedAssignees[0]).toEqual(
      expect.objectContaining({ organization: expect.any(String), role: 'LEAD' }),
    );
    expect(t.references[0]).toEqual(
      expect.objectContaining({ type: 'Nghị quyết', number: '25-NQ/TW', date: '2013-06-03' }),
    );
    expect(json.footnotes[0]).toEqual(
      expect.objectContaining({
        index: 1,
        text: expect.any(String),
        anchor: expect.objectContaining({ offset: expect.any(Number) }),
      }),
    );
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
