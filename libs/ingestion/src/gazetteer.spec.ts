import { compileGazetteer, findEntry, matchPhrases, tokenize } from './gazetteer.js';
import { konTum2019Gazetteer as g } from './gazetteers/kon-tum-2019.js';

const PLACES = [
  'Kon Tum',
  'Đăk Hà',
  'Đăk Tô',
  'Ngọc Hồi',
  'Đăk Glei',
  'Sa Thầy',
  'Kon Rẫy',
  'Kon Plông',
  'Tu Mơ Rông',
  "Ia H'Drai",
];

describe('the Kon Tum 2019 gazetteer', () => {
  it('has unique, readable keys and a tree rooted at the Tỉnh ủy', () => {
    const keys = g.entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^(?:kt|tw)(?:\.[a-z]+)+$/);
    const byKey = new Map(g.entries.map((e) => [e.key, e]));
    for (const e of g.entries) {
      if (e.parentKey !== null) expect(byKey.has(e.parentKey)).toBe(true);
      // walking up ends at a root without cycles
      let cur = e;
      for (let i = 0; cur.parentKey && i < 10; i++) cur = byKey.get(cur.parentKey) ?? cur;
      expect(cur.parentKey).toBeNull();
    }
    expect(g.entries.filter((e) => e.parentKey === null).map((e) => e.key)).toEqual(['kt.tu', 'tw.bdv']);
  });

  it('holds the provincial bodies of 2019', () => {
    const names = g.entries.filter((e) => e.level === 'PROVINCE').map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Tỉnh ủy Kon Tum',
        'Ban Thường vụ Tỉnh ủy',
        'Thường trực Tỉnh ủy',
        'Văn phòng Tỉnh ủy',
        'Ban Tổ chức Tỉnh ủy',
        'Ban Tuyên giáo Tỉnh ủy',
        'Ban Dân vận Tỉnh ủy',
        'Ủy ban Kiểm tra Tỉnh ủy',
        'Ủy ban nhân dân tỉnh',
        'Hội đồng nhân dân tỉnh',
        'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
        'Tỉnh đoàn',
        'Hội Liên hiệp Phụ nữ tỉnh',
        'Hội Nông dân tỉnh',
        'Hội Cựu chiến binh tỉnh',
        'Liên đoàn Lao động tỉnh',
        'Bộ Chỉ huy Quân sự tỉnh',
        'Công an tỉnh',
        'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
      ]),
    );
    expect(findEntry(g, 'Ban Dân vận Trung ương')).toMatchObject({ kind: 'EXTERNAL', level: 'CENTRAL' });
  });

  it("holds each of the ten district-level units with its committee, People's Committee, Front and five organizations", () => {
    for (const place of PLACES) {
      const bodies = g.entries.filter((e) => e.level === 'DISTRICT' && e.name.endsWith(place));
      expect(bodies.map((e) => e.kind).sort()).toEqual(
        [
          'FATHERLAND_FRONT',
          'PARTY_COMMITTEE',
          'PEOPLES_COMMITTEE',
          'SOCIO_POLITICAL',
          'SOCIO_POLITICAL',
          'SOCIO_POLITICAL',
          'SOCIO_POLITICAL',
          'SOCIO_POLITICAL',
        ].sort(),
      );
    }
    expect(findEntry(g, 'Thành ủy Kon Tum')?.key).toBe('kt.tp.thu');
    expect(findEntry(g, 'Huyện ủy Đăk Hà')?.key).toBe('kt.dh.hu');
    expect(findEntry(g, 'Hội LHPN huyện Đăk Hà')?.parentKey).toBe('kt.pn');
  });

  it('writes names with "ủy" and keeps "uỷ" spellings as aliases', () => {
    for (const e of g.entries) expect(e.name.includes('uỷ') || e.name.includes('Uỷ')).toBe(false);
    expect(findEntry(g, 'Ban Dân vận Tỉnh uỷ')?.key).toBe('kt.tu.bdv');
    expect(g.entries.some((e) => e.aliases.some((a) => /uỷ/i.test(a)))).toBe(true);
  });

  it.each([
    ['MTTQ tỉnh', 'kt.mttq'],
    ['UBND tỉnh', 'kt.ubnd'],
    ['HĐND tỉnh', 'kt.hdnd'],
    ['BTV Tỉnh ủy', 'kt.tu.btv'],
    ['ĐTN', 'kt.td'],
    ['Hội LHPN tỉnh', 'kt.pn'],
    ['Hội ND tỉnh', 'kt.nd'],
    ['Hội CCB tỉnh', 'kt.ccb'],
    ['LĐLĐ tỉnh', 'kt.ldld'],
    ['UBKT Tỉnh ủy', 'kt.tu.ubkt'],
    ['BDV Tỉnh ủy', 'kt.tu.bdv'],
    ['uy ban nhan dan huyen dak ha', 'kt.dh.ubnd'],
    ['UBND huyện Ia H’Drai', 'kt.ihd.ubnd'],
  ])('knows the abbreviation or spelling %j', (name, key) => {
    expect(findEntry(g, name)?.key).toBe(key);
  });

  it('matches whole words only, ignoring tones', () => {
    const c = compileGazetteer(g);
    const hits = (text: string) =>
      matchPhrases(c.actors, tokenize(text)).map((m) =>
        m.target.type === 'entry' ? m.target.entry.key : m.target.type,
      );
    expect(hits('Hội Nông dân tỉnh và hội nông dân')).toEqual(['kt.nd', 'kt.nd']);
    expect(hits('tư tưởng, Tỉnh đoànviên, MTTQX')).toEqual([]);
    expect(hits('CÁC HUYỆN ỦY, THÀNH ỦY')).toEqual(['collective']);
  });

  it('expands the collective phrases to their members', () => {
    const c = compileGazetteer(g);
    expect(
      c.collectiveByLabel.get('Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị-xã hội')?.keys,
    ).toEqual(['kt.mttq', 'kt.td', 'kt.pn', 'kt.nd', 'kt.ccb', 'kt.ldld']);
    expect(c.collectiveByLabel.get('Các huyện ủy, thành ủy')?.keys).toHaveLength(10);
    expect(c.collectiveByLabel.get('Các lực lượng vũ trang')?.keys).toEqual(['kt.bchqs', 'kt.ca', 'kt.bdbp']);
    expect(c.collectiveByLabel.get('Chính quyền các cấp')?.keys).toHaveLength(11);
  });
});
