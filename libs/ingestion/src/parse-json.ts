import type { Citation, DocumentOutline, SuggestedAssignee, Task } from './outline.types.js';

// The `parse --json` shape of API.md. Fields may be added here, never removed or renamed.

export interface ParseJsonReference {
  type: string;
  number: string | null;
  date: string | null;
  issuer: string | null;
  term: string | null;
  name: string | null;
}

export interface ParseJsonAssignee {
  organization: string;
  organizationKey: string;
  role: SuggestedAssignee['role'];
  reason: string;
  group: string | null;
  source: SuggestedAssignee['source'];
}

export interface ParseJsonTask {
  number: string;
  text: string;
  children: ParseJsonTask[];
  suggestedAssignees: ParseJsonAssignee[];
  references: ParseJsonReference[];
  cadence: Task['cadence'];
  dueDate: string | null;
  actions: string[];
  span: { start: number; end: number };
}

export interface ParseJson {
  document: {
    issuer: string | null;
    number: string | null;
    type: string | null;
    place: string | null;
    date: string | null;
    title: string | null;
    signer: { onBehalfOf: string | null; position: string | null; name: string | null } | null;
    recipients: { text: string; purpose: string | null }[];
    superiorIssuer: string | null;
    partyHeader: string | null;
    stateHeader: string | null;
  };
  sections: { number: string | null; heading: string }[];
  tasksSection: { number: string | null; heading: string } | null;
  tasks: ParseJsonTask[];
  references: ParseJsonReference[];
  footnotes: { index: number; text: string; anchor: { offset: number; before: string } | null }[];
  documentAssignees: ParseJsonAssignee[];
}

function ref(c: Citation): ParseJsonReference {
  return { type: c.type, number: c.number, date: c.date, issuer: c.issuer, term: c.term, name: c.name };
}

function assignee(s: SuggestedAssignee): ParseJsonAssignee {
  return {
    organization: s.organization.name,
    organizationKey: s.organization.key,
    role: s.role,
    reason: s.reason,
    group: s.group,
    source: s.source,
  };
}

function task(t: Task): ParseJsonTask {
  return {
    number: t.number,
    text: t.text,
    children: t.children.map(task),
    suggestedAssignees: t.suggestedAssignees.map(assignee),
    references: t.references.map(ref),
    cadence: t.cadence,
    dueDate: t.dueDate,
    actions: t.actions,
    span: t.span,
  };
}

/** Maps an outline to the JSON printed by `npm run cli -- parse FILE --json`. */
export function toParseJson(outline: DocumentOutline): ParseJson {
  const h = outline.header;
  return {
    document: {
      issuer: h.issuer,
      number: h.number,
      type: h.type,
      place: h.place,
      date: h.date,
      title: h.title,
      signer: h.signer
        ? { onBehalfOf: h.signer.onBehalfOf, position: h.signer.position, name: h.signer.name }
        : null,
      recipients: h.recipients.map((r) => ({ text: r.text, purpose: r.purpose })),
      superiorIssuer: h.superiorIssuer,
      partyHeader: h.partyHeader,
      stateHeader: h.stateHeader,
    },
    sections: outline.sections.map((s) => ({ number: s.number, heading: s.heading })),
    tasksSection: outline.tasksSection
      ? { number: outline.tasksSection.number, heading: outline.tasksSection.heading }
      : null,
    tasks: outline.tasks.map(task),
    references: outline.references.map(ref),
    footnotes: outline.footnotes.map((f) => ({
      index: f.index,
      text: f.text,
      anchor: f.anchor ? { offset: f.anchor.offset, before: f.anchor.before } : null,
    })),
    documentAssignees: outline.documentAssignees.map(assignee),
  };
}
