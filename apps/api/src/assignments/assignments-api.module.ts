import { Module } from '@nestjs/common';

import { AssignmentsModule } from '@dondoc/assignments';

import { CalendarDateScalar } from '../common/calendar-date.scalar.js';
import { DocumentsResolver } from '../directives/documents.resolver.js';
import { TasksResolver } from '../directives/tasks.resolver.js';
import { AssignmentsResolver } from './assignments.resolver.js';
import { DashboardResolver } from './dashboard.resolver.js';
import { ExtensionRequestsResolver } from './extension-requests.resolver.js';
import { ProgressReportsResolver } from './progress-reports.resolver.js';

/** Documents, tasks, assignments, reports, extensions and the dashboard over GraphQL. */
@Module({
  imports: [AssignmentsModule],
  providers: [
    CalendarDateScalar,
    DocumentsResolver,
    TasksResolver,
    AssignmentsResolver,
    ProgressReportsResolver,
    ExtensionRequestsResolver,
    DashboardResolver,
  ],
})
export class AssignmentsApiModule {}
