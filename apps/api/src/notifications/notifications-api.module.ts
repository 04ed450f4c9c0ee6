import { Module } from '@nestjs/common';

import { AssignmentsModule } from '@dondoc/assignments';
import { NotificationsModule } from '@dondoc/notifications';

import { NotificationsResolver } from './notifications.resolver.js';
import { UndeliveredEmailsResolver } from './undelivered-emails.resolver.js';

/** The caller's inbox over GraphQL, and e-mail that did not get through (administrators). */
@Module({
  imports: [NotificationsModule, AssignmentsModule],
  providers: [NotificationsResolver, UndeliveredEmailsResolver],
})
export class NotificationsApiModule {}
