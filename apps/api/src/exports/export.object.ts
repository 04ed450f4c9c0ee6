import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';

import { ExportFormat, type ExportRecord, ExportStatus } from '@dondoc/exports';

registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'DOCX: the consolidated report. XLSX: the tracking table. CSV: the tracking table as text.',
});
registerEnumType(ExportStatus, { name: 'ExportStatus' });

@InputType()
export class ExportReportInput {
  @Field(() => ID, { nullable: true, description: 'One document’s assignments.' })
  @IsOptional()
  @IsString()
  documentId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'This body’s assignments and those of the bodies under it.',
  })
  @IsOptional()
  @IsString()
  organizationId?: string;

  @Field(() => ExportFormat)
  @IsEnum(ExportFormat)
  format: ExportFormat;
}

@ObjectType('Export', {
  description: 'A file being made by the worker; download it from `url` with your token.',
})
export class ExportObject {
  @Field(() => ID) id: string;
  @Field(() => ExportStatus) status: ExportStatus;
  @Field(() => ExportFormat) format: ExportFormat;
  @Field(() => String, { nullable: true, description: 'GET with `Authorization: Bearer …` once DONE.' })
  url: string | null;
  @Field(() => String, { nullable: true }) fileName: string | null;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

export function exportUrl(id: string): string {
  return `/exports/${id}/file`;
}

export function toExportObject(record: ExportRecord): ExportObject {
  return {
    id: record.id,
    status: record.status,
    format: record.format,
    url: record.status === ExportStatus.DONE ? exportUrl(record.id) : null,
    fileName: record.fileName,
    error: record.error,
    createdAt: record.createdAt,
    finishedAt: record.finishedAt,
  };
}
