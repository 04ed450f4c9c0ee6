import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { Mailer } from './mailer.js';
import { Notification } from './notification.entity.js';
import { NotificationsService } from './notifications.service.js';

/**
 * The inbox (`NotificationsService`) and e-mail (`Mailer`); both need the global
 * `AppConfig` and `Clock`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  providers: [NotificationsService, Mailer],
  exports: [NotificationsService, Mailer],
})
export class NotificationsModule {}
