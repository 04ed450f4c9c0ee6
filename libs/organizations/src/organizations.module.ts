import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@dondoc/audit';

import { OrganizationSeeder } from './organization-seeder.js';
import { OrganizationSuccession } from './organization-succession.entity.js';
import { Organization } from './organization.entity.js';
import { OrganizationsService } from './organizations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, OrganizationSuccession]), AuditModule],
  providers: [OrganizationsService, OrganizationSeeder],
  exports: [OrganizationsService, OrganizationSeeder],
})
export class OrganizationsModule {}
