import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AssignmentsModule } from '@dondoc/assignments';
import { AuditModule } from '@dondoc/audit';
import { DirectivesModule } from '@dondoc/directives';
import { OrganizationsModule } from '@dondoc/organizations';
import { OutboxModule } from '@dondoc/platform';

import { ExportRecord } from './export.entity.js';
import { ExportGenerator } from './export-generator.js';
import { ExportsService } from './exports.service.js';
import { ReportDataService } from './report-data.service.js';

/** Exports: asking for one (API), making its file (worker), downloading it (API). */
@Module({
  imports: [
    TypeOrmModule.forFeature([ExportRecord]),
    AssignmentsModule,
    DirectivesModule,
    OrganizationsModule,
    AuditModule,
    OutboxModule,
  ],
  providers: [ExportsService, ExportGenerator, ReportDataService],
  exports: [ExportsService, ExportGenerator, ReportDataService],
})
export class ExportsModule {}
