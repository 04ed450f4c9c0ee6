import { Module } from '@nestjs/common';

import { AssignmentsModule } from '@dondoc/assignments';
import { NotificationsModule } from '@dondoc/notifications';

import { NotificationsResolver } from './notifications.resolver.js';

/** The caller's inbox over GraphQL. */
@Module({ imports: [NotificationsModule, AssignmentsModule], providers: [NotificationsResolver] })
export class NotificationsApiModule {}
