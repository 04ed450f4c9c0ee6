import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AppConfig } from '@dondoc/platform';

import { AuditEvent } from './audit-event.entity.js';
import { AuditEventsService } from './audit-events.service.js';
import { AuditKey } from './audit-key.js';
import { AuditTrail } from './audit-trail.js';

/**
 * The audit trail: `AuditTrail` to write (needs the global `Clock` and `AppConfig`, whose
 * AUDIT_KEY keys the chain), `AuditEventsService` to read.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent])],
  providers: [
    {
      provide: AuditKey,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // loadConfig demands it with DATABASE_URL, prepareRuntime generates it otherwise.
        if (config.auditKey === null) throw new Error('AUDIT_KEY is not configured');
        return new AuditKey(config.auditKey);
      },
    },
    AuditTrail,
    AuditEventsService,
  ],
  exports: [AuditTrail, AuditEventsService, AuditKey],
})
export class AuditModule {}
