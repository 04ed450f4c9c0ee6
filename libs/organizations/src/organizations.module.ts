import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@dondoc/audit';
import { OutboxModule } from '@dondoc/platform';

import { LineageService } from './lineage.service.js';
import { OrganizationSeeder } from './organization-seeder.js';
import { OrganizationSuccession } from './organization-succession.entity.js';
import { Organization } from './organization.entity.js';
import { OrganizationsService } from './organizations.service.js';
import { Reorganization2025 } from './reorganization-2025.js';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, OrganizationSuccession]), AuditModule, OutboxModule],
  providers: [OrganizationsService, OrganizationSeeder, LineageService, Reorganization2025],
  exports: [OrganizationsService, OrganizationSeeder, LineageService, Reorganization2025],
})
export class OrganizationsModule {}
