import type { SeededRandom } from './seeded-random.js';
import { communeNames, PROVINCES_2025, type ProvinceName } from './vietnamese-names.js';

export interface BenchOrganization {
  id: string;
  key: string | null;
  name: string;
  shortName: string | null;
  kind: string;
  level: 'PROVINCE' | 'COMMUNE';
  parentId: string | null;
  path: string;
}

export interface BenchProvince {
  province: ProvinceName;
  /** The provincial Party committee: the root of the province's tree (its jurisdiction). */
  root: BenchOrganization;
  office: BenchOrganization;
  inspection: BenchOrganization;
  womensUnion: BenchOrganization;
  /** Every body of the province, the root included. */
  bodies: BenchOrganization[];
}

/** The bodies of a province (11) and of each commune (7), parent first. */
const PROVINCE_BODIES = 11;
const COMMUNE_BODIES = 7;

/**
 * The organization tree of the data set: `provinces` provinces (from the 34 of 2025), each
 * with its eleven provincial bodies and its communes of seven bodies, `total` bodies in all.
 * The communes are shared out evenly; the last one may have fewer bodies so the total is exact.
 */
export function buildOrganizations(random: SeededRandom, provinces: number, total: number): BenchProvince[] {
  if (provinces < 1 || provinces > PROVINCES_2025.length) {
    throw new RangeError(`provinces must be from 1 to ${PROVINCES_2025.length}`);
  }
  const communeBodies = total - provinces * PROVINCE_BODIES;
  if (communeBodies < 0) throw new RangeError(`${total} bodies cannot hold ${provinces} provinces`);
  const communes = Math.ceil(communeBodies / COMMUNE_BODIES);
  const result: BenchProvince[] = [];
  let communeBodiesLeft = communeBodies;
  for (let p = 0; p < provinces; p++) {
    const province = PROVINCES_2025[p] as ProvinceName;
    const communeCount = Math.floor(communes / provinces) + (p < communes % provinces ? 1 : 0);
    const built = provinceBodies(random, province);
    for (const name of communeNames(random, communeCount)) {
      const size = Math.min(COMMUNE_BODIES, communeBodiesLeft);
      if (size <= 0) break;
      built.bodies.push(...communeBodiesOf(random, province, name, built.root, size));
      communeBodiesLeft -= size;
    }
    result.push(built);
  }
  return result;
}

function node(
  random: SeededRandom,
  parent: BenchOrganization | null,
  fields: Omit<BenchOrganization, 'id' | 'parentId' | 'path'>,
): BenchOrganization {
  const id = random.uuid();
  const label = id.replace(/-/g, '');
  return { id, parentId: parent?.id ?? null, path: parent ? `${parent.path}.${label}` : label, ...fields };
}

function provinceBodies(random: SeededRandom, province: ProvinceName): BenchProvince {
  const committee = province.city ? 'Thành ủy' : 'Tỉnh ủy';
  const unit = province.city ? 'thành phố' : 'tỉnh';
  const key = (suffix: string) => `${province.slug}.${suffix}`;
  const level = 'PROVINCE' as const;
  const root = node(random, null, {
    key: key('tu'),
    name: `${committee} ${province.name}`,
    shortName: committee,
    kind: 'PARTY_COMMITTEE',
    level,
  });
  const office = node(random, root, {
    key: key('tu.vp'),
    name: `Văn phòng ${committee} ${province.name}`,
    shortName: `VP ${committee}`,
    kind: 'OFFICE',
    level,
  });
  const inspection = node(random, root, {
    key: key('tu.ubkt'),
    name: `Ủy ban Kiểm tra ${committee} ${province.name}`,
    shortName: 'UBKT',
    kind: 'PARTY_COMMISSION',
    level,
  });
  const massMobilization = node(random, root, {
    key: key('tu.bdv'),
    name: `Ban Dân vận ${committee} ${province.name}`,
    shortName: 'Ban Dân vận',
    kind: 'PARTY_COMMISSION',
    level,
  });
  const front = node(random, root, {
    key: key('mt'),
    name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${unit} ${province.name}`,
    shortName: `MTTQ ${unit}`,
    kind: 'FATHERLAND_FRONT',
    level,
  });
  const peoplesCommittee = node(random, root, {
    key: key('ub'),
    name: `Ủy ban nhân dân ${unit} ${province.name}`,
    shortName: `UBND ${unit}`,
    kind: 'PEOPLES_COMMITTEE',
    level,
  });
  // Since 2025 the socio-political organizations sit under the Fatherland Front.
  const union = (suffix: string, name: string, shortName: string) =>
    node(random, front, { key: key(suffix), name, shortName, kind: 'SOCIO_POLITICAL', level });
  const womensUnion = union('pn', `Hội Liên hiệp Phụ nữ ${unit} ${province.name}`, `Hội LHPN ${unit}`);
  const bodies = [
    root,
    office,
    inspection,
    massMobilization,
    front,
    peoplesCommittee,
    womensUnion,
    union(
      'dtn',
      `Đoàn Thanh niên Cộng sản Hồ Chí Minh ${unit} ${province.name}`,
      `${province.city ? 'Thành' : 'Tỉnh'} đoàn`,
    ),
    union('nd', `Hội Nông dân ${unit} ${province.name}`, `Hội ND ${unit}`),
    union('ccb', `Hội Cựu chiến binh ${unit} ${province.name}`, `Hội CCB ${unit}`),
    union('ldld', `Liên đoàn Lao động ${unit} ${province.name}`, `LĐLĐ ${unit}`),
  ];
  if (bodies.length !== PROVINCE_BODIES) throw new Error('PROVINCE_BODIES is out of date');
  return { province, root, office, inspection, womensUnion, bodies };
}

function communeBodiesOf(
  random: SeededRandom,
  province: ProvinceName,
  communeName: string,
  provinceRoot: BenchOrganization,
  size: number,
): BenchOrganization[] {
  const unit = province.city ? 'phường' : 'xã';
  const level = 'COMMUNE' as const;
  const committee = node(random, provinceRoot, {
    key: null,
    name: `Đảng ủy ${unit} ${communeName}`,
    shortName: `Đảng ủy ${unit}`,
    kind: 'PARTY_COMMITTEE',
    level,
  });
  const front = node(random, committee, {
    key: null,
    name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${unit} ${communeName}`,
    shortName: `MTTQ ${unit}`,
    kind: 'FATHERLAND_FRONT',
    level,
  });
  const under = (parent: BenchOrganization, kind: string, name: string, shortName: string) =>
    node(random, parent, { key: null, name: `${name} ${unit} ${communeName}`, shortName, kind, level });
  const bodies = [
    committee,
    under(committee, 'PEOPLES_COMMITTEE', 'Ủy ban nhân dân', `UBND ${unit}`),
    front,
    under(front, 'SOCIO_POLITICAL', 'Hội Liên hiệp Phụ nữ', `Hội LHPN ${unit}`),
    under(front, 'SOCIO_POLITICAL', 'Đoàn Thanh niên', `Đoàn ${unit}`),
    under(front, 'SOCIO_POLITICAL', 'Hội Nông dân', `Hội ND ${unit}`),
    under(front, 'SOCIO_POLITICAL', 'Hội Cựu chiến binh', `Hội CCB ${unit}`),
  ];
  return bodies.slice(0, size);
}
