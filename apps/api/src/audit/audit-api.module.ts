import { Module } from '@nestjs/common';

import { AuditModule } from '@dondoc/audit';
import { OrganizationsModule } from '@dondoc/organizations';

import { AuditEventsResolver } from './audit-events.resolver.js';

@Module({ imports: [AuditModule, OrganizationsModule], providers: [AuditEventsResolver] })
export class AuditApiModule {}
