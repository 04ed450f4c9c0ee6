import { Field, Int, ObjectType } from '@nestjs/graphql';

import type { DocumentOutline as ReadOutline, Task as ReadTask } from '@dondoc/ingestion';

import { JsonScalar } from '../common/json.scalar.js';

@ObjectType('OutlineSigner')
export class OutlineSigner {
  @Field(() => String, { nullable: true }) onBehalfOf: string | null;
  @Field(() => String, { nullable: true }) position: string | null;
  @Field(() => String, { nullable: true }) name: string | null;
}

@ObjectType('OutlineRecipient')
export class OutlineRecipient {
  @Field() text: string;
  @Field(() => String, { nullable: true, description: '"for report" (b/c) or "filed" (Lưu).' }) purpose:
    string | null;
}

@ObjectType('OutlineHeader', {
  description: 'What the reader found in the header and closing; null where absent, never invented.',
})
export class OutlineHeader {
  @Field(() => String, { nullable: true }) issuer: string | null;
  @Field(() => String, { nullable: true }) superiorIssuer: string | null;
  @Field(() => String, { nullable: true }) partyHeader: string | null;
  @Field(() => String, { nullable: true }) stateHeader: string | null;
  @Field(() => String, { nullable: true }) number: string | null;
  @Field(() => String, { nullable: true }) type: string | null;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) date: string | null;
  @Field(() => String, { nullable: true }) title: string | null;
  @Field(() => OutlineSigner, { nullable: true }) signer: OutlineSigner | null;
  @Field(() => [OutlineRecipient]) recipients: OutlineRecipient[];
}

@ObjectType('OutlineSection')
export class OutlineSection {
  @Field(() => String, { nullable: true }) number: string | null;
  @Field() heading: string;
  @Field(() => Int) start: number;
  @Field(() => Int) end: number;
}

@ObjectType('OutlineSuggestion', {
  description: 'A body proposed for a task, and the phrase that justified it.',
})
export class OutlineSuggestion {
  @Field({ description: 'The organization key (or id) in the gazetteer.' }) organizationKey: string;
  @Field() organizationName: string;
  @Field() role: string;
  @Field() reason: string;
  @Field(() => String, { nullable: true }) group: string | null;
  @Field() source: string;
}

@ObjectType('OutlineReference', { description: 'A document cited in the text.' })
export class OutlineReference {
  @Field() type: string;
  @Field(() => String, { nullable: true }) number: string | null;
  @Field(() => String, { nullable: true }) date: string | null;
  @Field(() => String, { nullable: true }) issuer: string | null;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field() text: string;
}

@ObjectType('OutlineTask')
export class OutlineTask {
  @Field() number: string;
  @Field() text: string;
  @Field(() => Int) start: number;
  @Field(() => Int) end: number;
  @Field(() => [String]) actions: string[];
  @Field(() => [OutlineSuggestion]) suggestedAssignees: OutlineSuggestion[];
  @Field(() => [OutlineReference]) references: OutlineReference[];
  @Field(() => String, { nullable: true }) cadence: string | null;
  @Field(() => String, { nullable: true }) dueDate: string | null;
  @Field(() => [OutlineTask]) children: OutlineTask[];
}

@ObjectType('OutlineFootnote')
export class OutlineFootnote {
  @Field(() => Int) index: number;
  @Field() text: string;
  @Field(() => Int, { nullable: true, description: 'Offset in the text where the footnote mark stood.' })
  anchorOffset: number | null;
  @Field(() => String, { nullable: true }) anchorBefore: string | null;
}

@ObjectType('DocumentOutline', { description: 'A document as read, before anything is stored.' })
export class DocumentOutlineObject {
  @Field({ description: 'The normalised (NFC) text; every offset points into it.' }) text: string;
  @Field(() => OutlineHeader) header: OutlineHeader;
  @Field(() => [OutlineSection]) sections: OutlineSection[];
  @Field(() => OutlineSection, { nullable: true }) tasksSection: OutlineSection | null;
  @Field(() => [OutlineTask]) tasks: OutlineTask[];
  @Field(() => [OutlineReference]) references: OutlineReference[];
  @Field(() => [OutlineFootnote]) footnotes: OutlineFootnote[];
  @Field(() => JsonScalar, { description: 'The `parse --json` shape of the same reading.' }) json: unknown;
}

export function toOutlineObject(outline: ReadOutline, json: unknown): DocumentOutlineObject {
  const section = (s: ReadOutline['sections'][number]) => ({
    number: s.number,
    heading: s.heading,
    start: s.span.start,
    end: s.span.end,
  });
  const reference = (r: ReadOutline['references'][number]) => ({
    type: r.type,
    number: r.number,
    date: r.date,
    issuer: r.issuer,
    name: r.name,
    text: r.text,
  });
  const task = (t: ReadTask): OutlineTask => ({
    number: t.number,
    text: t.text,
    start: t.span.start,
    end: t.span.end,
    actions: t.actions,
    suggestedAssignees: t.suggestedAssignees.map((s) => ({
      organizationKey: s.organization.key,
      organizationName: s.organization.name,
      role: s.role,
      reason: s.reason,
      group: s.group,
      source: s.source,
    })),
    references: t.references.map(reference),
    cadence: t.cadence,
    dueDate: t.dueDate,
    children: t.children.map(task),
  });
  return {
    text: outline.text,
    header: {
      issuer: outline.header.issuer,
      superiorIssuer: outline.header.superiorIssuer,
      partyHeader: outline.header.partyHeader,
      stateHeader: outline.header.stateHeader,
      number: outline.header.number,
      type: outline.header.type,
      place: outline.header.place,
      date: outline.header.date,
      title: outline.header.title,
      signer: outline.header.signer
        ? {
            onBehalfOf: outline.header.signer.onBehalfOf,
            position: outline.header.signer.position,
            name: outline.header.signer.name,
          }
        : null,
      recipients: outline.header.recipients.map((r) => ({ text: r.text, purpose: r.purpose })),
    },
    sections: outline.sections.map(section),
    tasksSection: outline.tasksSection ? section(outline.tasksSection) : null,
    tasks: outline.tasks.map(task),
    references: outline.references.map(reference),
    footnotes: outline.footnotes.map((f) => ({
      index: f.index,
      text: f.text,
      anchorOffset: f.anchor?.offset ?? null,
      anchorBefore: f.anchor?.before ?? null,
    })),
    json,
  };
}
