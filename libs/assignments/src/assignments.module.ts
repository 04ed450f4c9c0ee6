import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@dondoc/audit';
import { DirectivesModule } from '@dondoc/directives';
import { OrganizationsModule } from '@dondoc/organizations';

import { AssignmentQuery } from './assignment-query.js';
import { AssignmentWriter } from './assignment-writer.js';
import { Assignment } from './assignment.entity.js';
import { AssignmentsService } from './assignments.service.js';
import { DashboardService } from './dashboard.service.js';
import { ExtensionRequest } from './extension-request.entity.js';
import { ExtensionRequestsService } from './extension-requests.service.js';
import { ProgressReport } from './progress-report.entity.js';
import { ProgressReportsService } from './progress-reports.service.js';
import { PublishingService } from './publishing.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Assignment, ProgressReport, ExtensionRequest]),
    DirectivesModule,
    OrganizationsModule,
    AuditModule,
  ],
  providers: [
    AssignmentQuery,
    AssignmentWriter,
    AssignmentsService,
    PublishingService,
    ProgressReportsService,
    ExtensionRequestsService,
    DashboardService,
  ],
  exports: [
    AssignmentQuery,
    AssignmentsService,
    PublishingService,
    ProgressReportsService,
    ExtensionRequestsService,
    DashboardService,
    DirectivesModule,
  ],
})
export class AssignmentsModule {}
