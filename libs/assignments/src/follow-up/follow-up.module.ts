import { Module } from '@nestjs/common';

import { NotificationsModule } from '@dondoc/notifications';

import { EventNotifier } from './event-notifier.js';
import { FollowUpService } from './follow-up.service.js';

/** The follow-up that runs by itself: sweeps and event notifications (used by the worker and `cli tick`). */
@Module({
  imports: [NotificationsModule],
  providers: [FollowUpService, EventNotifier],
  exports: [FollowUpService, EventNotifier, NotificationsModule],
})
export class FollowUpModule {}
