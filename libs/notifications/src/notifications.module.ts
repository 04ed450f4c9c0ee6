import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@dondoc/audit';

import { Mailer } from './mailer.js';
import { Notification } from './notification.entity.js';
import { NotificationsService } from './notifications.service.js';
import { UndeliveredMailService } from './undelivered-mail.service.js';

/**
 * The inbox (`NotificationsService`), e-mail (`Mailer`) and what did not get through
 * (`UndeliveredMailService`, audited); all need the global `AppConfig` and `Clock`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), AuditModule],
  providers: [NotificationsService, Mailer, UndeliveredMailService],
  exports: [NotificationsService, Mailer, UndeliveredMailService],
})
export class NotificationsModule {}
