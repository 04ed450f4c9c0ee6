import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import type { DirectiveDocument } from '@dondoc/directives';

import { CalendarDate } from '../common/calendar-date.scalar.js';
import { DocumentStatus } from '../common/domain-enums.js';
import { JsonScalar } from '../common/json.scalar.js';
import { OutlineRecipient, OutlineSection, OutlineSigner } from './document-outline.object.js';

@ObjectType('Document', { description: 'A directive, report or plan whose tasks are followed up.' })
export class DocumentObject {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'Number and symbol: 410-BC/TU, 16/CT-TTg…' }) number:
    string | null;
  @Field(() => String, { nullable: true, description: 'BÁO CÁO, NGHỊ QUYẾT, CHỈ THỊ…' }) type: string | null;
  @Field(() => String, { nullable: true }) issuer: string | null;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field(() => CalendarDate, { nullable: true }) date: string | null;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => DocumentStatus) status: DocumentStatus;
  @Field({
    description:
      'Confidential (văn bản mật): unless the caller may read it, its title, text, outline and tasks read as a placeholder.',
  })
  confidential: boolean;
  @Field(() => OutlineSigner, { nullable: true }) signer: OutlineSigner | null;
  @Field(() => [OutlineRecipient]) recipients: OutlineRecipient[];
  @Field(() => [OutlineSection], {
    description: 'Top-level sections (offsets are not kept for stored documents: 0).',
  })
  sections: OutlineSection[];
  @Field(() => OutlineSection, { nullable: true }) tasksSection: OutlineSection | null;
  @Field(() => JsonScalar, { description: 'Footnotes as read: index, text, anchor.' }) footnotes: unknown;
  @Field(() => JsonScalar, { description: 'Documents cited in the text, as read.' }) references: unknown;
  @Field({ description: 'The normalised text; task spans are offsets into it.' }) text: string;
  @Field(() => String, { nullable: true }) fileName: string | null;
  @Field(() => Int, { description: "Day of the period's last month on which its figures are cut off." })
  reportCutoffDay: number;
  @Field(() => Int, { description: "Day of the period's last month on which its report is due." })
  reportDueDay: number;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field() createdAt: Date;
  ownerOrganizationId: string;
}

export function toDocumentObject(document: DirectiveDocument): DocumentObject {
  const section = (s: { number: string; heading: string }) => ({
    number: s.number,
    heading: s.heading,
    start: 0,
    end: 0,
  });
  return {
    id: document.id,
    number: document.number,
    type: document.type,
    issuer: document.issuer,
    place: document.place,
    date: document.date,
    title: document.title,
    status: document.status,
    confidential: document.confidential,
    signer: document.signer
      ? {
          onBehalfOf: document.signer.onBehalfOf,
          position: document.signer.position,
          name: document.signer.name,
        }
      : null,
    recipients: document.recipients,
    sections: (document.outline.sections ?? []).map(section),
    tasksSection: document.outline.tasksSection ? section(document.outline.tasksSection) : null,
    footnotes: document.outline.footnotes ?? [],
    references: document.outline.references ?? [],
    text: document.text,
    fileName: document.fileName,
    reportCutoffDay: document.reportCutoffDay,
    reportDueDay: document.reportDueDay,
    publishedAt: document.publishedAt,
    createdAt: document.createdAt,
    ownerOrganizationId: document.ownerOrganizationId,
  };
}
