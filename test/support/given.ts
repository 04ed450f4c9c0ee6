import type { INestApplication } from '@nestjs/common';

import { type AuditEntry, type AuditEvent, AuditTrail } from '@dondoc/audit';
import { hashPassword, Role, User, UsersService } from '@dondoc/identity';
import { konTum2019Gazetteer } from '@dondoc/ingestion';
import {
  type Organization,
  OrganizationKind,
  OrganizationLevel,
  OrganizationSeeder,
  OrganizationsService,
} from '@dondoc/organizations';
import { DataSource } from 'typeorm';

export const TEST_PASSWORD = 'test-password-1';

/**
 * Builders for test data, through the product's own services: the Kon Tum bodies of the
 * seed, a second province to stand for "another jurisdiction", users with a given role.
 */
export class Given {
  constructor(private readonly app: INestApplication) {}

  async konTum(): Promise<Map<string, Organization>> {
    await this.app.get(OrganizationSeeder).seed(konTum2019Gazetteer.entries);
    const organizations = await this.app
      .get(OrganizationsService)
      .findByKeys(konTum2019Gazetteer.entries.map((e) => e.key));
    return new Map(organizations.map((o) => [o.key as string, o]));
  }

  /** A second province, outside Kon Tum's jurisdiction: its committee and its Women's Union. */
  async otherProvince(): Promise<{ root: Organization; womensUnion: Organization }> {
    await this.app.get(OrganizationSeeder).seed([
      {
        key: 'gl.tu',
        name: 'Tỉnh ủy Gia Lai',
        shortName: 'Tỉnh ủy',
        aliases: [],
        kind: 'PARTY_COMMITTEE',
        level: 'PROVINCE',
        parentKey: null,
      },
      {
        key: 'gl.pn',
        name: 'Hội Liên hiệp Phụ nữ tỉnh Gia Lai',
        shortName: 'Hội LHPN tỉnh',
        aliases: [],
        kind: 'SOCIO_POLITICAL',
        level: 'PROVINCE',
        parentKey: 'gl.tu',
      },
    ]);
    const [root, womensUnion] = await this.app
      .get(OrganizationsService)
      .findByKeys(['gl.tu', 'gl.pn'])
      .then((found) => ['gl.tu', 'gl.pn'].map((key) => found.find((o) => o.key === key) as Organization));
    return { root: root as Organization, womensUnion: womensUnion as Organization };
  }

  /** Audit events as the services would record them, in one transaction. */
  auditEvents(entries: AuditEntry[]): Promise<AuditEvent[]> {
    return this.app
      .get(DataSource)
      .transaction((manager) => this.app.get(AuditTrail).recordMany(manager, entries));
  }

  async user(
    role: Role,
    organization: Organization,
    email = `${role.toLowerCase()}.${Math.random().toString(36).slice(2, 8)}@test.local`,
  ): Promise<User> {
    const users = this.app.get(DataSource).getRepository(User);
    const saved = await users.save(
      users.create({
        email,
        name: `${role} ${organization.shortName ?? organization.name}`,
        organizationId: organization.id,
        roles: [role],
        locale: 'vi',
        passwordHash: await passwordHash(),
        active: true,
      }),
    );
    return this.app.get(UsersService).get({ kind: 'all' }, saved.id);
  }
}

let cachedHash: Promise<string> | undefined;
function passwordHash(): Promise<string> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export { OrganizationKind, OrganizationLevel, Role };
