// Shapes produced by the parser. Offsets are UTF-16 indices into `DocumentOutline.text`,
// the NFC-normalised source, so a console can highlight where anything came from.

export interface Span {
  start: number;
  end: number;
}

export type NodeKind =
  'document' | 'part' | 'section' | 'item' | 'subitem' | 'letter' | 'bullet' | 'paragraph';

export interface OutlineNode {
  id: number;
  kind: NodeKind;
  /** Numbering as written, without punctuation: "IV", "1", "2.1", "a", "-"; null for paragraphs. */
  label: string | null;
  /** Own text, cleaned of markup and rejoined across hard wraps, marker included. */
  text: string;
  /** Own text without its marker. */
  heading: string;
  /** From the first to the last character of the node's own text. */
  span: Span;
  /** The source ranges the own text was read from (noise lines excluded). */
  segments: Span[];
  children: OutlineNode[];
}

export type Cadence = 'CONTINUOUS' | 'MONTHLY' | 'QUARTERLY' | 'HALF_YEARLY' | 'YEARLY';
export type AssigneeRole = 'LEAD' | 'COORDINATE';
export type RecipientPurpose = 'for report' | 'filed';

export interface Signer {
  onBehalfOf: string | null;
  /** Every signing-authority line (T/M, K/T, TM., KT. …) in order. */
  authority: string[];
  position: string | null;
  name: string | null;
}

export interface Recipient {
  text: string;
  purpose: RecipientPurpose | null;
}

export interface DocumentHeader {
  issuer: string | null;
  superiorIssuer: string | null;
  partyHeader: string | null;
  stateHeader: string | null;
  motto: string | null;
  /** Number and symbol as one string: "410-BC/TU", "16/CT-TTg", "02/2015/QĐ-UBND". */
  number: string | null;
  place: string | null;
  /** ISO calendar day. */
  date: string | null;
  type: string | null;
  title: string | null;
  signer: Signer | null;
  recipients: Recipient[];
}

export interface Citation {
  /** Sentence-case type: "Nghị quyết", "Chỉ thị"… */
  type: string;
  number: string | null;
  date: string | null;
  issuer: string | null;
  term: string | null;
  /** For references without a number: "Nghị quyết Trung ương 4 khóa XII". */
  name: string | null;
  text: string;
  span: Span;
}

export interface FootnoteAnchor {
  /** Offset in the source where the superscript stood (end of the words it follows). */
  offset: number;
  /** The words just before the anchor. */
  before: string;
  /** Outline node holding the anchor, when it lies in the body. */
  nodeId: number | null;
}

export interface Footnote {
  index: number;
  text: string;
  span: Span;
  anchor: FootnoteAnchor | null;
}

export interface OrganizationRef {
  key: string;
  name: string;
}

export interface SuggestedAssignee {
  organization: OrganizationRef;
  role: AssigneeRole;
  /** The phrase of the text (or the rule) that justified the suggestion. */
  reason: string;
  /** Label of the collective phrase the body was reached through, if any. */
  group: string | null;
  /**
   * What the suggestion rests on: the body is named in the task (`text`), the task's wording
   * points to it (`topic`), the issuer's lower committees carry out its documents (`issuer`),
   * the parent task's suggestion (`inherited`), or the implementation part (`implementation`).
   */
  source: 'text' | 'topic' | 'issuer' | 'inherited' | 'implementation';
}

export interface Task {
  number: string;
  text: string;
  span: Span;
  nodeId: number;
  children: Task[];
  actions: string[];
  suggestedAssignees: SuggestedAssignee[];
  references: Citation[];
  cadence: Cadence | null;
  dueDate: string | null;
}

export interface SectionRef {
  number: string | null;
  heading: string;
  nodeId: number;
  span: Span;
}

export interface DocumentRegions {
  header: Span;
  body: Span;
  closing: Span | null;
  footnotes: Span | null;
}

export interface DocumentOutline {
  /** NFC-normalised source text; every span points into it. */
  text: string;
  header: DocumentHeader;
  root: OutlineNode;
  sections: SectionRef[];
  tasksSection: SectionRef | null;
  tasks: Task[];
  /** Assignments from an implementation part ("Tổ chức thực hiện") that name no task. */
  documentAssignees: SuggestedAssignee[];
  references: Citation[];
  footnotes: Footnote[];
  regions: DocumentRegions;
  /** Whole lines of the body dropped as noise (page numbers, table rules). */
  noise: Span[];
}
