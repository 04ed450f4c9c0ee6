import { Module } from '@nestjs/common';

import { AuditModule } from '@dondoc/audit';
import { DirectivesModule } from '@dondoc/directives';
import { OrganizationsModule } from '@dondoc/organizations';

import { AuditEventsResolver } from './audit-events.resolver.js';

@Module({ imports: [AuditModule, DirectivesModule, OrganizationsModule], providers: [AuditEventsResolver] })
export class AuditApiModule {}
