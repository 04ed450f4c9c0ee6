import type { CollectivePhrase, Gazetteer, GazetteerEntry, TopicRule } from '../gazetteer.js';

// Kon Tum province as of 2019 (before the 2025 merger into Quảng Ngãi).
// Names use "ủy"; the "uỷ" spellings sit in the aliases. Matching ignores tones anyway,
// but the aliases are kept because the same data seeds the organization table.
// Delegation goes down by line of organization: a district's Women's Union is a child of the
// provincial Women's Union, a district People's Committee of the provincial one, and a district
// Party committee of the Tỉnh ủy, which is the root of the province.
// Judgement call: every district-level unit is given a Liên đoàn Lao động. District labour
// federations existed across Kon Tum's districts in 2019 (Điều lệ Công đoàn Việt Nam provides
// for LĐLĐ at district level), not only in the city; drop the nine district ones if the
// organization table says otherwise.

const P = 'kt';

const province: GazetteerEntry[] = [
  {
    key: 'kt.tu',
    name: 'Tỉnh ủy Kon Tum',
    shortName: 'Tỉnh ủy',
    aliases: [
      'Tỉnh uỷ',
      'Tỉnh uỷ Kon Tum',
      'Ban Chấp hành Đảng bộ tỉnh',
      'Ban Chấp hành Đảng bộ tỉnh Kon Tum',
    ],
    kind: 'PARTY_COMMITTEE',
    level: 'PROVINCE',
    parentKey: null,
  },
  {
    key: 'kt.tu.btv',
    name: 'Ban Thường vụ Tỉnh ủy',
    shortName: 'BTV Tỉnh ủy',
    aliases: [
      'Ban Thường vụ Tỉnh uỷ',
      'Ban Thường vụ Tỉnh ủy Kon Tum',
      'Ban Thường vụ Tỉnh uỷ Kon Tum',
      'BTV Tỉnh uỷ',
      'BTVTU',
      'BTV',
    ],
    kind: 'PARTY_COMMITTEE',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.tu.tt',
    name: 'Thường trực Tỉnh ủy',
    shortName: 'TT Tỉnh ủy',
    aliases: ['Thường trực Tỉnh uỷ', 'TT Tỉnh uỷ', 'TTTU'],
    kind: 'PARTY_COMMITTEE',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.tu.vp',
    name: 'Văn phòng Tỉnh ủy',
    shortName: 'VP Tỉnh ủy',
    aliases: ['Văn phòng Tỉnh uỷ', 'VP Tỉnh uỷ', 'VPTU'],
    kind: 'OFFICE',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.tu.btc',
    name: 'Ban Tổ chức Tỉnh ủy',
    shortName: 'BTC Tỉnh ủy',
    aliases: ['Ban Tổ chức Tỉnh uỷ', 'BTC Tỉnh uỷ', 'Ban Tổ chức'],
    kind: 'PARTY_COMMISSION',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.tu.btg',
    name: 'Ban Tuyên giáo Tỉnh ủy',
    shortName: 'BTG Tỉnh ủy',
    aliases: ['Ban Tuyên giáo Tỉnh uỷ', 'BTG Tỉnh uỷ', 'Ban Tuyên giáo'],
    kind: 'PARTY_COMMISSION',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.tu.bdv',
    name: 'Ban Dân vận Tỉnh ủy',
    shortName: 'BDV Tỉnh ủy',
    aliases: ['Ban Dân vận Tỉnh uỷ', 'BDV Tỉnh uỷ', 'BDVTU', 'Ban Dân vận', 'BDV'],
    kind: 'PARTY_COMMISSION',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.tu.bnc',
    name: 'Ban Nội chính Tỉnh ủy',
    shortName: 'BNC Tỉnh ủy',
    aliases: ['Ban Nội chính Tỉnh uỷ', 'BNC Tỉnh uỷ', 'Ban Nội chính'],
    kind: 'PARTY_COMMISSION',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.tu.ubkt',
    name: 'Ủy ban Kiểm tra Tỉnh ủy',
    shortName: 'UBKT Tỉnh ủy',
    aliases: [
      'Uỷ ban Kiểm tra Tỉnh uỷ',
      'Ủy ban Kiểm tra Tỉnh uỷ',
      'UBKT Tỉnh uỷ',
      'UBKTTU',
      'Ủy ban Kiểm tra',
      'Uỷ ban Kiểm tra',
      'UBKT',
    ],
    kind: 'PARTY_COMMISSION',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.ubnd',
    name: 'Ủy ban nhân dân tỉnh',
    shortName: 'UBND tỉnh',
    aliases: [
      'Uỷ ban nhân dân tỉnh',
      'Ủy ban nhân dân tỉnh Kon Tum',
      'Uỷ ban nhân dân tỉnh Kon Tum',
      'UBND tỉnh Kon Tum',
      'UBND',
    ],
    kind: 'PEOPLES_COMMITTEE',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.hdnd',
    name: 'Hội đồng nhân dân tỉnh',
    shortName: 'HĐND tỉnh',
    aliases: [
      'Hội đồng nhân dân tỉnh Kon Tum',
      'HĐND tỉnh Kon Tum',
      'Thường trực HĐND tỉnh',
      'Thường trực Hội đồng nhân dân tỉnh',
      'HĐND',
    ],
    kind: 'PEOPLES_COUNCIL',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.mttq',
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    shortName: 'Ủy ban MTTQ Việt Nam tỉnh',
    aliases: [
      'Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh',
      'Ủy ban MTTQ tỉnh',
      'Uỷ ban MTTQ tỉnh',
      'Ủy ban MTTQVN tỉnh',
      'MTTQ tỉnh',
      'MTTQ Việt Nam tỉnh',
      'Mặt trận Tổ quốc Việt Nam tỉnh',
      'Mặt trận Tổ quốc tỉnh',
      'Mặt trận Tổ quốc Việt Nam',
      'Mặt trận Tổ quốc',
      'MTTQ Việt Nam',
      'MTTQVN',
      'MTTQ',
      'Ủy ban Mặt trận Tổ quốc Việt Nam',
      'Ủy ban Mặt trận Tổ quốc',
      'Mặt trận',
    ],
    kind: 'FATHERLAND_FRONT',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.td',
    name: 'Tỉnh đoàn',
    shortName: 'Tỉnh đoàn',
    aliases: [
      'Tỉnh Đoàn',
      'Tỉnh đoàn Kon Tum',
      'Ban Thường vụ Tỉnh đoàn',
      'Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh',
      'Đoàn TNCS Hồ Chí Minh tỉnh',
      'Đoàn thanh niên tỉnh',
      'ĐTN tỉnh',
      'Đoàn Thanh niên Cộng sản Hồ Chí Minh',
      'Đoàn TNCS Hồ Chí Minh',
      'Đoàn thanh niên',
      'ĐTN',
    ],
    kind: 'SOCIO_POLITICAL',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.pn',
    name: 'Hội Liên hiệp Phụ nữ tỉnh',
    shortName: 'Hội LHPN tỉnh',
    aliases: [
      'Hội LHPN tỉnh',
      'Hội Phụ nữ tỉnh',
      'Hội Liên hiệp Phụ nữ',
      'Hội LHPN',
      'Hội Phụ nữ',
      'Hội liên hiệp phụ nữ',
    ],
    kind: 'SOCIO_POLITICAL',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.nd',
    name: 'Hội Nông dân tỉnh',
    shortName: 'Hội ND tỉnh',
    aliases: ['Hội ND tỉnh', 'Hội Nông dân', 'Hội ND', 'HND tỉnh'],
    kind: 'SOCIO_POLITICAL',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.ccb',
    name: 'Hội Cựu chiến binh tỉnh',
    shortName: 'Hội CCB tỉnh',
    aliases: ['Hội CCB tỉnh', 'Hội Cựu chiến binh', 'Hội CCB'],
    kind: 'SOCIO_POLITICAL',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.ldld',
    name: 'Liên đoàn Lao động tỉnh',
    shortName: 'LĐLĐ tỉnh',
    aliases: ['Liên đoàn Lao động', 'LĐLĐ', 'Công đoàn tỉnh'],
    kind: 'SOCIO_POLITICAL',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.bchqs',
    name: 'Bộ Chỉ huy Quân sự tỉnh',
    shortName: 'BCHQS tỉnh',
    aliases: ['Bộ Chỉ huy quân sự tỉnh', 'Bộ CHQS tỉnh', 'BCHQS'],
    kind: 'ARMED_FORCE',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.ca',
    name: 'Công an tỉnh',
    shortName: 'Công an tỉnh',
    aliases: ['Công an tỉnh Kon Tum'],
    kind: 'ARMED_FORCE',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'kt.bdbp',
    name: 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh',
    shortName: 'BĐBP tỉnh',
    aliases: [
      'Bộ Chỉ huy Bộ đội biên phòng tỉnh',
      'Bộ đội Biên phòng tỉnh',
      'BCH BĐBP tỉnh',
      'Bộ đội Biên phòng',
    ],
    kind: 'ARMED_FORCE',
    level: 'PROVINCE',
    parentKey: 'kt.tu',
  },
  {
    key: 'tw.bdv',
    name: 'Ban Dân vận Trung ương',
    shortName: 'BDV Trung ương',
    aliases: ['Ban Dân vận TW', 'BDVTW'],
    kind: 'EXTERNAL',
    level: 'CENTRAL',
    parentKey: null,
  },
];

interface DistrictRow {
  code: string;
  /** "Đăk Hà"; the city is "Kon Tum". */
  place: string;
  city: boolean;
  /** Other spellings of the place name seen in documents. */
  variants: string[];
}

const DISTRICTS: DistrictRow[] = [
  { code: 'tp', place: 'Kon Tum', city: true, variants: [] },
  { code: 'dh', place: 'Đăk Hà', city: false, variants: ['Đắk Hà', 'Đak Hà'] },
  { code: 'dt', place: 'Đăk Tô', city: false, variants: ['Đắk Tô'] },
  { code: 'nh', place: 'Ngọc Hồi', city: false, variants: [] },
  { code: 'dg', place: 'Đăk Glei', city: false, variants: ['Đắk Glei', 'Đăk Glây'] },
  { code: 'st', place: 'Sa Thầy', city: false, variants: [] },
  { code: 'kr', place: 'Kon Rẫy', city: false, variants: [] },
  { code: 'kp', place: 'Kon Plông', city: false, variants: [] },
  { code: 'tmr', place: 'Tu Mơ Rông', city: false, variants: [] },
  { code: 'ihd', place: "Ia H'Drai", city: false, variants: ['Ia HDrai', 'Ia H’Drai'] },
];

function districtEntries(d: DistrictRow): GazetteerEntry[] {
  const unit = d.city ? 'thành phố' : 'huyện';
  const places = [d.place, ...d.variants];
  const k = `${P}.${d.code}`;
  const committee = d.city ? 'Thành ủy' : 'Huyện ủy';
  const committeeAlt = d.city ? 'Thành uỷ' : 'Huyện uỷ';
  const youth = d.city ? 'Thành đoàn' : 'Huyện đoàn';
  const at = (p: string) => `${unit} ${p}`;
  const many = (f: (p: string) => string[]) => places.flatMap(f);
  return [
    {
      key: `${k}.${d.city ? 'thu' : 'hu'}`,
      name: `${committee} ${d.place}`,
      shortName: `${committee} ${d.place}`,
      aliases: many((p) => [
        `${committee} ${p}`,
        `${committeeAlt} ${p}`,
        `Ban Thường vụ ${committee} ${p}`,
        `Ban Thường vụ ${committeeAlt} ${p}`,
        `Ban Chấp hành Đảng bộ ${at(p)}`,
      ]),
      kind: 'PARTY_COMMITTEE',
      level: 'DISTRICT',
      parentKey: `${P}.tu`,
    },
    {
      key: `${k}.ubnd`,
      name: `Ủy ban nhân dân ${at(d.place)}`,
      shortName: `UBND ${at(d.place)}`,
      aliases: many((p) => [`Ủy ban nhân dân ${at(p)}`, `Uỷ ban nhân dân ${at(p)}`, `UBND ${at(p)}`]),
      kind: 'PEOPLES_COMMITTEE',
      level: 'DISTRICT',
      parentKey: `${P}.ubnd`,
    },
    {
      key: `${k}.mttq`,
      name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${at(d.place)}`,
      shortName: `Ủy ban MTTQ Việt Nam ${at(d.place)}`,
      aliases: many((p) => [
        `Uỷ ban Mặt trận Tổ quốc Việt Nam ${at(p)}`,
        `Ủy ban MTTQ ${at(p)}`,
        `Mặt trận Tổ quốc Việt Nam ${at(p)}`,
        `Mặt trận Tổ quốc ${at(p)}`,
        `MTTQ ${at(p)}`,
      ]),
      kind: 'FATHERLAND_FRONT',
      level: 'DISTRICT',
      parentKey: `${P}.mttq`,
    },
    {
      key: `${k}.doan`,
      name: `${youth} ${d.place}`,
      shortName: `${youth} ${d.place}`,
      aliases: many((p) => [
        `${youth} ${p}`,
        `Đoàn Thanh niên Cộng sản Hồ Chí Minh ${at(p)}`,
        `Đoàn thanh niên ${at(p)}`,
      ]),
      kind: 'SOCIO_POLITICAL',
      level: 'DISTRICT',
      parentKey: `${P}.td`,
    },
    {
      key: `${k}.pn`,
      name: `Hội Liên hiệp Phụ nữ ${at(d.place)}`,
      shortName: `Hội LHPN ${at(d.place)}`,
      aliases: many((p) => [`Hội LHPN ${at(p)}`, `Hội Phụ nữ ${at(p)}`]),
      kind: 'SOCIO_POLITICAL',
      level: 'DISTRICT',
      parentKey: `${P}.pn`,
    },
    {
      key: `${k}.nd`,
      name: `Hội Nông dân ${at(d.place)}`,
      shortName: `Hội ND ${at(d.place)}`,
      aliases: many((p) => [`Hội ND ${at(p)}`]),
      kind: 'SOCIO_POLITICAL',
      level: 'DISTRICT',
      parentKey: `${P}.nd`,
    },
    {
      key: `${k}.ccb`,
      name: `Hội Cựu chiến binh ${at(d.place)}`,
      shortName: `Hội CCB ${at(d.place)}`,
      aliases: many((p) => [`Hội CCB ${at(p)}`]),
      kind: 'SOCIO_POLITICAL',
      level: 'DISTRICT',
      parentKey: `${P}.ccb`,
    },
    {
      key: `${k}.ldld`,
      name: `Liên đoàn Lao động ${at(d.place)}`,
      shortName: `LĐLĐ ${at(d.place)}`,
      aliases: many((p) => [`LĐLĐ ${at(p)}`]),
      kind: 'SOCIO_POLITICAL',
      level: 'DISTRICT',
      parentKey: `${P}.ldld`,
    },
  ];
}

const districts = DISTRICTS.flatMap(districtEntries);
const districtKeys = (suffix: string) =>
  DISTRICTS.map((d) => `${P}.${d.code}.${suffix === 'hu' && d.city ? 'thu' : suffix}`);

const FRONT_AND_FIVE = ['kt.mttq', 'kt.td', 'kt.pn', 'kt.nd', 'kt.ccb', 'kt.ldld'];
const FIVE = FRONT_AND_FIVE.slice(1);
const FRONT_LABEL = 'Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị-xã hội';
const COMMITTEES_LABEL = 'Các huyện ủy, thành ủy';

const collectives: CollectivePhrase[] = [
  {
    label: FRONT_LABEL,
    phrases: [
      'Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị-xã hội',
      'Mặt trận Tổ quốc Việt Nam, các đoàn thể chính trị-xã hội',
      'Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị-xã hội',
      'Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị-xã hội',
      'Ủy ban Mặt trận Tổ quốc Việt Nam và các đoàn thể chính trị-xã hội',
      'Mặt trận Tổ quốc và các đoàn thể chính trị-xã hội',
      'Mặt trận Tổ quốc, các đoàn thể chính trị-xã hội',
      'Mặt trận Tổ quốc Việt Nam và các đoàn thể',
      'Mặt trận và các đoàn thể chính trị-xã hội',
      'Mặt trận, các đoàn thể chính trị-xã hội',
      'MTTQ và các đoàn thể chính trị-xã hội',
      'MTTQ, các đoàn thể chính trị-xã hội',
      'MTTQ, các đoàn thể CT-XH',
      'MTTQ và các đoàn thể CT-XH',
      'MTTQ và các tổ chức chính trị-xã hội',
      'Mặt trận và các đoàn thể',
      'Mặt trận, đoàn thể',
      'Mặt trận, đoàn, hội',
      'khối Mặt trận, đoàn thể',
    ],
    keys: FRONT_AND_FIVE,
  },
  {
    label: 'Các đoàn thể chính trị-xã hội',
    phrases: [
      'các đoàn thể chính trị-xã hội',
      'các tổ chức chính trị-xã hội',
      'các đoàn thể CT-XH',
      'đoàn thể chính trị-xã hội tỉnh',
      'các đoàn thể',
    ],
    keys: FIVE,
  },
  {
    label: 'Chính quyền các cấp',
    phrases: [
      'chính quyền các cấp',
      'các cấp chính quyền',
      'Ủy ban nhân dân các cấp',
      'Uỷ ban nhân dân các cấp',
      'UBND các cấp',
    ],
    keys: ['kt.ubnd', ...districtKeys('ubnd')],
  },
  {
    label: 'Ủy ban nhân dân các huyện, thành phố',
    phrases: [
      'Ủy ban nhân dân các huyện, thành phố',
      'Uỷ ban nhân dân các huyện, thành phố',
      'UBND các huyện, thành phố',
      'UBND các huyện, thành phố trong tỉnh',
    ],
    keys: districtKeys('ubnd'),
  },
  {
    label: COMMITTEES_LABEL,
    phrases: [
      'các huyện ủy, thành ủy',
      'các huyện uỷ, thành uỷ',
      'huyện ủy, thành ủy',
      'các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy',
      'các huyện ủy, thành ủy, đảng ủy trực thuộc',
      'Ban Thường vụ các huyện ủy, thành ủy',
      'cấp ủy các huyện, thành phố',
      'cấp ủy các cấp',
    ],
    keys: districtKeys('hu'),
  },
  {
    label: 'Các lực lượng vũ trang',
    phrases: ['các lực lượng vũ trang', 'lực lượng vũ trang tỉnh', 'lực lượng vũ trang'],
    keys: ['kt.bchqs', 'kt.ca', 'kt.bdbp'],
  },
  {
    label: 'Các ban xây dựng Đảng Tỉnh ủy',
    phrases: [
      'các ban xây dựng Đảng',
      'các ban đảng Tỉnh ủy',
      'các ban Đảng',
      'các ban, cơ quan tham mưu, giúp việc Tỉnh ủy',
      'các cơ quan tham mưu, giúp việc Tỉnh ủy',
    ],
    keys: ['kt.tu.btc', 'kt.tu.btg', 'kt.tu.bdv', 'kt.tu.ubkt', 'kt.tu.vp'],
  },
];

const topics: TopicRule[] = [
  {
    label: 'kiểm tra, giám sát',
    phrases: ['kiểm tra, giám sát', 'kiểm tra giám sát', 'công tác kiểm tra', 'thi hành kỷ luật đảng'],
    keys: ['kt.tu.ubkt'],
  },
  {
    label: 'công tác dân vận',
    phrases: ['công tác dân vận', 'dân vận chính quyền', 'Dân vận khéo', 'quy chế dân chủ ở cơ sở'],
    keys: ['kt.tu.bdv'],
  },
  {
    label: 'tuyên truyền, quán triệt',
    phrases: [
      'quán triệt',
      'công tác tuyên truyền',
      'công tác tư tưởng',
      'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    ],
    keys: ['kt.tu.btg'],
  },
  {
    label: 'công tác tổ chức, cán bộ',
    phrases: [
      'công tác cán bộ',
      'công tác tổ chức cán bộ',
      'công tác tổ chức xây dựng Đảng',
      'phát triển đảng viên',
    ],
    keys: ['kt.tu.btc'],
  },
  {
    label: FRONT_LABEL,
    phrases: [
      'đoàn viên, hội viên',
      'đoàn viên hội viên',
      'hội viên, đoàn viên',
      'giám sát, phản biện xã hội',
      'giám sát và phản biện xã hội',
      'góp ý xây dựng Đảng, xây dựng chính quyền',
      'góp ý xây dựng Đảng, chính quyền',
      'xây dựng Đảng, xây dựng chính quyền',
      'đề xuất với Đảng, chính quyền',
      'đề xuất với cấp ủy, chính quyền',
      'tập hợp quần chúng',
      'khối đại đoàn kết toàn dân tộc',
    ],
    keys: FRONT_AND_FIVE,
  },
  {
    label: 'chính quyền',
    phrases: [
      'chính quyền',
      'cơ quan nhà nước',
      'cơ quan hành chính nhà nước',
      'cải cách hành chính',
      'cải cách thủ tục hành chính',
      'thủ tục hành chính',
      'cán bộ, công chức, viên chức',
      'ngân sách',
      'đầu tư công',
    ],
    keys: ['kt.ubnd'],
  },
  {
    label: 'quốc phòng, an ninh',
    phrases: [
      'quốc phòng',
      'an ninh trật tự',
      'an ninh, trật tự',
      'an ninh biên giới',
      'chủ quyền biên giới',
    ],
    keys: ['kt.bchqs', 'kt.ca', 'kt.bdbp'],
  },
  { label: 'công tác thanh niên', phrases: ['công tác thanh niên', 'đoàn viên thanh niên'], keys: ['kt.td'] },
  {
    label: 'công tác phụ nữ',
    phrases: ['công tác phụ nữ', 'bình đẳng giới', 'hội viên phụ nữ'],
    keys: ['kt.pn'],
  },
];

/** The built-in gazetteer: the province of the seed document, as it was in 2019. */
export const konTum2019Gazetteer: Gazetteer = {
  id: 'kon-tum-2019',
  entries: [...province, ...districts],
  collectives,
  topics,
  implementers: [
    { issuerKey: 'kt.tu', collective: COMMITTEES_LABEL },
    { issuerKey: 'kt.tu.btv', collective: COMMITTEES_LABEL },
    { issuerKey: 'kt.tu.tt', collective: COMMITTEES_LABEL },
  ],
};
