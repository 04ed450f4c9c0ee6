import { Module } from '@nestjs/common';

import { NotificationsModule } from '@dondoc/notifications';

import { EventNotifier } from './event-notifier.js';
import { FollowUpService } from './follow-up.service.js';
import { InspectionFollowUpsService } from './inspection-follow-ups.service.js';
import { PeriodSnapshotsService } from './period-snapshots.service.js';
import { ReportRequestsService } from './report-requests.service.js';

/**
 * The follow-up that runs by itself: sweeps, event notifications, the periods' frozen
 * figures and the inspections' follow-up dates (used by the worker and `cli tick`).
 */
@Module({
  imports: [NotificationsModule],
  providers: [
    FollowUpService,
    EventNotifier,
    ReportRequestsService,
    PeriodSnapshotsService,
    InspectionFollowUpsService,
  ],
  exports: [FollowUpService, EventNotifier, PeriodSnapshotsService, NotificationsModule],
})
export class FollowUpModule {}
