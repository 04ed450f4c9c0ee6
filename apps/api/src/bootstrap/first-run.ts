import { Injectable, Logger } from '@nestjs/common';

import { DEMO_PASSWORD, DEMO_USERS, DemoUsers } from '@dondoc/identity';
import { konTum2019Gazetteer } from '@dondoc/ingestion';
import { OrganizationSeeder } from '@dondoc/organizations';
import { AppConfig } from '@dondoc/platform';

/**
 * What the zero-configuration start loads so a newcomer can try the product at once: the
 * province's bodies and the demo logins. Idempotent: later starts find them in place.
 */
@Injectable()
export class FirstRun {
  private readonly logger = new Logger(FirstRun.name);

  constructor(
    private readonly config: AppConfig,
    private readonly organizations: OrganizationSeeder,
    private readonly demoUsers: DemoUsers,
  ) {}

  async prepare(): Promise<void> {
    if (!this.config.zeroConfig) return;
    await this.organizations.seed(konTum2019Gazetteer.entries);
    const created = await this.demoUsers.ensure();
    if (created.length > 0) {
      this.logger.log(
        `Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((demo) => `${demo.email} (${demo.role})`).join(', ')}`,
      );
    }
  }
}
