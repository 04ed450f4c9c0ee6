import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AssignmentsModule } from '@dondoc/assignments';
import { AuditModule } from '@dondoc/audit';

import { InspectionBoardService } from './inspection-board.service.js';
import { Inspection } from './inspection.entity.js';
import { InspectionsService } from './inspections.service.js';

/** Inspections and the inspectors' board. */
@Module({
  imports: [TypeOrmModule.forFeature([Inspection]), AssignmentsModule, AuditModule],
  providers: [InspectionsService, InspectionBoardService],
  exports: [InspectionsService, InspectionBoardService],
})
export class OversightModule {}
