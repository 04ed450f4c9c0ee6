import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditEvent } from './audit-event.entity.js';
import { AuditEventsService } from './audit-events.service.js';
import { AuditTrail } from './audit-trail.js';

/** The audit trail: `AuditTrail` to write (needs the global `Clock`), `AuditEventsService` to read. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent])],
  providers: [AuditTrail, AuditEventsService],
  exports: [AuditTrail, AuditEventsService],
})
export class AuditModule {}
