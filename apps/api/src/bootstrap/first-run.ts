import { readFile } from 'node:fs/promises';

import { Injectable, Logger } from '@nestjs/common';

import { SYSTEM_ACTOR } from '@dondoc/audit';
import { DocumentsService } from '@dondoc/directives';
import { DEMO_PASSWORD, DEMO_USERS, DemoUsers, Role, ScopeResolver } from '@dondoc/identity';
import { konTum2019Gazetteer, SEED_DOCUMENT_URL } from '@dondoc/ingestion';
import { OrganizationSeeder, OrganizationsService } from '@dondoc/organizations';
import { AppConfig } from '@dondoc/platform';

/**
 * What the zero-configuration start loads so a newcomer can try the product at once: the
 * province's bodies, the demo logins and the seed document as a draft for the office to
 * review and publish. Idempotent: later starts find them in place.
 */
@Injectable()
export class FirstRun {
  private readonly logger = new Logger(FirstRun.name);

  constructor(
    private readonly config: AppConfig,
    private readonly organizations: OrganizationSeeder,
    private readonly demoUsers: DemoUsers,
    private readonly organizationsService: OrganizationsService,
    private readonly documents: DocumentsService,
    private readonly scopes: ScopeResolver,
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
    await this.importSeedDocument();
  }

  /** The seed report, imported once as a draft of the provincial Party Committee Office. */
  private async importSeedDocument(): Promise<void> {
    const [office] = await this.organizationsService.findByKeys(['kt.tu.vp']);
    if (!office) return;
    const scope = await this.scopes.scopeFor([Role.SUPERVISOR], office.id);
    if ((await this.documents.count({ scope, organizationId: office.id, roles: [Role.SUPERVISOR] }, {})) > 0)
      return;
    const text = await readFile(SEED_DOCUMENT_URL, 'utf8');
    const document = await this.documents.import(
      { fileName: 'kon-tum-410-BC-TU-2019.txt', text },
      { organizationId: office.id, userId: null, scope },
      SYSTEM_ACTOR,
    );
    this.logger.log(
      `Seed document ${document.number} imported as a draft for the office to review and publish`,
    );
  }
}
