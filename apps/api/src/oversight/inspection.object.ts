import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import type { Inspection } from '@dondoc/oversight';

import { CalendarDate } from '../common/calendar-date.scalar.js';
import { InspectionSeverity, InspectionStatus } from './inspection-enums.js';

@ObjectType('Inspection', {
  description: "An inspector's finding on an assignment (kết luận kiểm tra), open until resolved.",
})
export class InspectionObject {
  @Field(() => ID) id: string;
  @Field({ description: 'The conclusion (kết luận).' }) finding: string;
  @Field(() => InspectionSeverity) severity: InspectionSeverity;
  @Field({ description: 'The remedy required.' }) remedy: string;
  @Field(() => CalendarDate, { description: 'When the remedy is checked.' }) followUpDate: string;
  @Field(() => InspectionStatus) status: InspectionStatus;
  @Field(() => String, { nullable: true }) resolutionNote: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
  @Field() createdAt: Date;
  @Field(() => Int) version: number;
  assignmentId: string;
  inspectorId: string;
  resolvedById: string | null;
}

export function toInspectionObject(inspection: Inspection): InspectionObject {
  return {
    id: inspection.id,
    finding: inspection.finding,
    severity: inspection.severity,
    remedy: inspection.remedy,
    followUpDate: inspection.followUpDate,
    status: inspection.status,
    resolutionNote: inspection.resolutionNote,
    resolvedAt: inspection.resolvedAt,
    createdAt: inspection.createdAt,
    version: inspection.version,
    assignmentId: inspection.assignmentId,
    inspectorId: inspection.inspectorId,
    resolvedById: inspection.resolvedById,
  };
}
