import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { AuditTrail, SYSTEM_ACTOR } from '@dondoc/audit';
import { OrganizationsService } from '@dondoc/organizations';
import { AppConfig } from '@dondoc/platform';

import { hashPassword } from './password-hasher.js';
import { Role } from './role.js';
import { User } from './user.entity.js';
import { auditView } from './users.service.js';

export const DEMO_PASSWORD = 'dondoc-demo';

/** The demo logins (fixed: the walkthrough, the console tests and outside checks use them). */
export const DEMO_USERS: readonly { email: string; name: string; role: Role; organizationKey: string }[] = [
  { email: 'admin@dondoc.local', name: 'Quản trị hệ thống', role: Role.ADMIN, organizationKey: 'kt.tu.vp' },
  {
    email: 'thuongtruc@dondoc.local',
    name: 'Văn phòng Tỉnh ủy',
    role: Role.SUPERVISOR,
    organizationKey: 'kt.tu.vp',
  },
  {
    email: 'phunu@dondoc.local',
    name: 'Cán bộ Hội LHPN tỉnh',
    role: Role.ORG_OFFICER,
    organizationKey: 'kt.pn',
  },
  {
    email: 'kiemtra@dondoc.local',
    name: 'Ủy ban Kiểm tra Tỉnh ủy',
    role: Role.INSPECTOR,
    organizationKey: 'kt.tu.ubkt',
  },
];

/** Creates the demo users once; never in production. */
@Injectable()
export class DemoUsers {
  private readonly logger = new Logger(DemoUsers.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly organizations: OrganizationsService,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** Returns the e-mails created now (empty when they all existed). */
  async ensure(): Promise<string[]> {
    if (this.config.nodeEnv === 'production') {
      throw new Error('Demo users are never created in production');
    }
    const organizations = new Map(
      (await this.organizations.findByKeys(DEMO_USERS.map((demo) => demo.organizationKey))).map((o) => [
        o.key,
        o.id,
      ]),
    );
    const created: string[] = [];
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const demo of DEMO_USERS) {
      const organizationId = organizations.get(demo.organizationKey);
      if (!organizationId)
        throw new Error(`Seed the organizations first: ${demo.organizationKey} is missing`);
      if (await this.users.exists({ where: { email: demo.email } })) continue;
      await this.dataSource.transaction(async (manager) => {
        const users = manager.getRepository(User);
        const user = await users.save(
          users.create({
            email: demo.email,
            name: demo.name,
            organizationId,
            roles: [demo.role],
            locale: 'vi',
            passwordHash,
            active: true,
          }),
        );
        await this.audit.record(manager, {
          ...SYSTEM_ACTOR,
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          after: auditView(user),
          subjectOrganizationIds: [user.organizationId],
        });
      });
      created.push(demo.email);
    }
    if (created.length > 0) this.logger.log(`Demo users created: ${created.join(', ')}`);
    return created;
  }
}
