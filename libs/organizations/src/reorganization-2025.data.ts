import type { GazetteerEntry, OrganizationKind } from '@dondoc/ingestion';

/**
 * The reorganization of 1 July 2025 as it touches the Kon Tum bodies of 2019:
 * - Kon Tum province was merged into Quảng Ngãi (Resolution 202/2025/QH15 of the National
 *   Assembly on the arrangement of province-level administrative units): each Kon Tum
 *   provincial body is merged into its Quảng Ngãi counterpart, created here when missing;
 *   the Propaganda and the Mass Mobilization Commissions into the one Ban Tuyên giáo và
 *   Dân vận, as the Party had already joined them earlier in 2025;
 * - the district level ended: each district-level body's work goes to the provincial body
 *   of the same line (a district's Women's Union to the provincial Women's Union, a district
 *   Party committee to the Tỉnh ủy, a district People's Committee to the provincial one);
 * - the socio-political organizations sit under the Fatherland Front: the five Quảng Ngãi
 *   organizations are created as children of its Ủy ban MTTQ.
 */
export const REORGANIZATION_2025_DATE = '2025-07-01';

const PARTY: OrganizationKind = 'PARTY_COMMITTEE';
const COMMISSION: OrganizationKind = 'PARTY_COMMISSION';
const SOCIO: OrganizationKind = 'SOCIO_POLITICAL';
const ARMED: OrganizationKind = 'ARMED_FORCE';

const body = (
  key: string,
  name: string,
  shortName: string,
  kind: OrganizationKind,
  parentKey: string | null,
  aliases: string[] = [],
): GazetteerEntry => ({ key, name, shortName, aliases, kind, level: 'PROVINCE', parentKey });

/** The Quảng Ngãi provincial bodies the Kon Tum ones are merged into. */
export const QUANG_NGAI_2025: GazetteerEntry[] = [
  body('qn.tu', 'Tỉnh ủy Quảng Ngãi', 'Tỉnh ủy Quảng Ngãi', PARTY, null, [
    'Tỉnh uỷ Quảng Ngãi',
    'Ban Chấp hành Đảng bộ tỉnh Quảng Ngãi',
  ]),
  body('qn.tu.btv', 'Ban Thường vụ Tỉnh ủy Quảng Ngãi', 'BTV Tỉnh ủy Quảng Ngãi', PARTY, 'qn.tu', [
    'Ban Thường vụ Tỉnh uỷ Quảng Ngãi',
  ]),
  body('qn.tu.tt', 'Thường trực Tỉnh ủy Quảng Ngãi', 'TT Tỉnh ủy Quảng Ngãi', PARTY, 'qn.tu', [
    'Thường trực Tỉnh uỷ Quảng Ngãi',
  ]),
  body('qn.tu.vp', 'Văn phòng Tỉnh ủy Quảng Ngãi', 'VP Tỉnh ủy Quảng Ngãi', 'OFFICE', 'qn.tu', [
    'Văn phòng Tỉnh uỷ Quảng Ngãi',
  ]),
  body('qn.tu.btc', 'Ban Tổ chức Tỉnh ủy Quảng Ngãi', 'BTC Tỉnh ủy Quảng Ngãi', COMMISSION, 'qn.tu', [
    'Ban Tổ chức Tỉnh uỷ Quảng Ngãi',
  ]),
  body(
    'qn.tu.btgdv',
    'Ban Tuyên giáo và Dân vận Tỉnh ủy Quảng Ngãi',
    'Ban TG và DV Tỉnh ủy Quảng Ngãi',
    COMMISSION,
    'qn.tu',
    ['Ban Tuyên giáo và Dân vận Tỉnh uỷ Quảng Ngãi', 'Ban Tuyên giáo và Dân vận'],
  ),
  body('qn.tu.bnc', 'Ban Nội chính Tỉnh ủy Quảng Ngãi', 'BNC Tỉnh ủy Quảng Ngãi', COMMISSION, 'qn.tu', [
    'Ban Nội chính Tỉnh uỷ Quảng Ngãi',
  ]),
  body('qn.tu.ubkt', 'Ủy ban Kiểm tra Tỉnh ủy Quảng Ngãi', 'UBKT Tỉnh ủy Quảng Ngãi', COMMISSION, 'qn.tu', [
    'Uỷ ban Kiểm tra Tỉnh uỷ Quảng Ngãi',
  ]),
  body('qn.ubnd', 'Ủy ban nhân dân tỉnh Quảng Ngãi', 'UBND tỉnh Quảng Ngãi', 'PEOPLES_COMMITTEE', 'qn.tu', [
    'Uỷ ban nhân dân tỉnh Quảng Ngãi',
  ]),
  body('qn.hdnd', 'Hội đồng nhân dân tỉnh Quảng Ngãi', 'HĐND tỉnh Quảng Ngãi', 'PEOPLES_COUNCIL', 'qn.tu'),
  body(
    'qn.mttq',
    'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ngãi',
    'Ủy ban MTTQ Việt Nam tỉnh Quảng Ngãi',
    'FATHERLAND_FRONT',
    'qn.tu',
    [
      'Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ngãi',
      'Ủy ban MTTQ tỉnh Quảng Ngãi',
      'MTTQ tỉnh Quảng Ngãi',
    ],
  ),
  // The socio-political organizations, under the Fatherland Front.
  body('qn.td', 'Tỉnh đoàn Quảng Ngãi', 'Tỉnh đoàn Quảng Ngãi', SOCIO, 'qn.mttq', [
    'Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Quảng Ngãi',
  ]),
  body('qn.pn', 'Hội Liên hiệp Phụ nữ tỉnh Quảng Ngãi', 'Hội LHPN tỉnh Quảng Ngãi', SOCIO, 'qn.mttq', [
    'Hội Phụ nữ tỉnh Quảng Ngãi',
  ]),
  body('qn.nd', 'Hội Nông dân tỉnh Quảng Ngãi', 'Hội ND tỉnh Quảng Ngãi', SOCIO, 'qn.mttq'),
  body('qn.ccb', 'Hội Cựu chiến binh tỉnh Quảng Ngãi', 'Hội CCB tỉnh Quảng Ngãi', SOCIO, 'qn.mttq'),
  body('qn.ldld', 'Liên đoàn Lao động tỉnh Quảng Ngãi', 'LĐLĐ tỉnh Quảng Ngãi', SOCIO, 'qn.mttq'),
  body('qn.bchqs', 'Bộ Chỉ huy Quân sự tỉnh Quảng Ngãi', 'BCHQS tỉnh Quảng Ngãi', ARMED, 'qn.tu'),
  body('qn.ca', 'Công an tỉnh Quảng Ngãi', 'Công an tỉnh Quảng Ngãi', ARMED, 'qn.tu'),
  body('qn.bdbp', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Ngãi', 'BĐBP tỉnh Quảng Ngãi', ARMED, 'qn.tu'),
];

/** A merger of the scenario, by seeded key. */
export interface MergeStep {
  sources: string[];
  target: string;
  note: string;
}

const DISTRICT_CODES = ['tp', 'dh', 'dt', 'nh', 'dg', 'st', 'kr', 'kp', 'tmr', 'ihd'];

/** District-level line → the Kon Tum provincial body of that line. */
const DISTRICT_LINES: [suffix: (code: string) => string, provincial: string][] = [
  [(code) => (code === 'tp' ? 'thu' : 'hu'), 'kt.tu'],
  [() => 'ubnd', 'kt.ubnd'],
  [() => 'mttq', 'kt.mttq'],
  [() => 'doan', 'kt.td'],
  [() => 'pn', 'kt.pn'],
  [() => 'nd', 'kt.nd'],
  [() => 'ccb', 'kt.ccb'],
  [() => 'ldld', 'kt.ldld'],
];

const DISTRICTS_END =
  'Kết thúc hoạt động của cấp huyện từ ngày 01/7/2025; công việc chuyển về cơ quan cấp tỉnh cùng ngành.';
const PROVINCES_MERGE =
  'Sắp xếp đơn vị hành chính cấp tỉnh (Nghị quyết số 202/2025/QH15): tỉnh Kon Tum hợp nhất vào tỉnh Quảng Ngãi từ ngày 01/7/2025.';

/** Kon Tum provincial body → its Quảng Ngãi counterpart. The Tỉnh ủy goes last: it takes what is left under it. */
const PROVINCIAL: [string[], string][] = [
  [['kt.tu.btv'], 'qn.tu.btv'],
  [['kt.tu.tt'], 'qn.tu.tt'],
  [['kt.tu.vp'], 'qn.tu.vp'],
  [['kt.tu.btc'], 'qn.tu.btc'],
  [['kt.tu.btg', 'kt.tu.bdv'], 'qn.tu.btgdv'],
  [['kt.tu.bnc'], 'qn.tu.bnc'],
  [['kt.tu.ubkt'], 'qn.tu.ubkt'],
  [['kt.ubnd'], 'qn.ubnd'],
  [['kt.hdnd'], 'qn.hdnd'],
  [['kt.mttq'], 'qn.mttq'],
  [['kt.td'], 'qn.td'],
  [['kt.pn'], 'qn.pn'],
  [['kt.nd'], 'qn.nd'],
  [['kt.ccb'], 'qn.ccb'],
  [['kt.ldld'], 'qn.ldld'],
  [['kt.bchqs'], 'qn.bchqs'],
  [['kt.ca'], 'qn.ca'],
  [['kt.bdbp'], 'qn.bdbp'],
  [['kt.tu'], 'qn.tu'],
];

/** The mergers in order: the district level first (into Kon Tum's bodies), then the province. */
export const REORGANIZATION_2025_STEPS: MergeStep[] = [
  ...DISTRICT_LINES.map(([suffix, provincial]) => ({
    sources: DISTRICT_CODES.map((code) => `kt.${code}.${suffix(code)}`),
    target: provincial,
    note: DISTRICTS_END,
  })),
  ...PROVINCIAL.map(([sources, target]) => ({ sources, target, note: PROVINCES_MERGE })),
];
