import type { BenchProvince } from './bench-organizations.js';
import type { Publishers } from './bench-rows.js';
import type { SeededRandom } from './seeded-random.js';

export interface BenchUser {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  role: 'ADMIN' | 'SUPERVISOR' | 'ORG_OFFICER' | 'INSPECTOR';
  passwordHash: string;
}

/**
 * Logins like the demo ones, per province (password `dondoc-demo`):
 * `thuongtruc.<province>@dondoc.local` (SUPERVISOR, the Party committee's office),
 * `phunu.<province>@…` (ORG_OFFICER, the Women's Union), `kiemtra.<province>@…` (INSPECTOR);
 * and the four demo logins themselves in the first province, `admin@dondoc.local` included,
 * so the console and the existing scripts sign in as they do on the demo data.
 */
export function benchUsers(
  random: SeededRandom,
  provinces: readonly BenchProvince[],
  passwordHash: string,
): { rows: BenchUser[]; publishers: Publishers } {
  const rows: BenchUser[] = [];
  const publishers: Publishers = new Map();
  const add = (email: string, name: string, organizationId: string, role: BenchUser['role']) => {
    const user = { id: random.uuid(), email, name, organizationId, role, passwordHash };
    rows.push(user);
    return user;
  };
  provinces.forEach((p, index) => {
    const slug = p.province.slug.replace(/-/g, '');
    const supervisor = add(`thuongtruc.${slug}@dondoc.local`, p.office.name, p.office.id, 'SUPERVISOR');
    add(`phunu.${slug}@dondoc.local`, `Cán bộ ${p.womensUnion.name}`, p.womensUnion.id, 'ORG_OFFICER');
    add(`kiemtra.${slug}@dondoc.local`, p.inspection.name, p.inspection.id, 'INSPECTOR');
    publishers.set(p.root.id, supervisor.id);
    if (index === 0) {
      add('admin@dondoc.local', 'Quản trị hệ thống', p.office.id, 'ADMIN');
      add('thuongtruc@dondoc.local', p.office.name, p.office.id, 'SUPERVISOR');
      add('phunu@dondoc.local', `Cán bộ ${p.womensUnion.name}`, p.womensUnion.id, 'ORG_OFFICER');
      add('kiemtra@dondoc.local', p.inspection.name, p.inspection.id, 'INSPECTOR');
    }
  });
  return { rows, publishers };
}
