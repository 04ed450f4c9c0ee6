/** The import wizard's operations (API.md, Documents and tasks). */

const OUTLINE_TASK = 'number text dueDate cadence suggestedAssignees { organizationName role reason }';

export const PARSE_DOCUMENT = `mutation ParseDocument($input: DocumentInput!) {
  parseDocument(input: $input) {
    header {
      number type issuer place date title partyHeader stateHeader superiorIssuer
      signer { name position onBehalfOf }
      recipients { text purpose }
    }
    sections { number heading start end }
    tasksSection { number heading start end }
    footnotes { index text anchorBefore }
    references { text type number date issuer name }
    tasks { ${OUTLINE_TASK} children { ${OUTLINE_TASK} children { ${OUTLINE_TASK} } } }
  }
}`;

const DRAFT_FIELDS = `id number title status
  tasks {
    id number text kind dueDate cadence parent { id }
    suggestedAssignees { organization { id name } role reason }
    plannedAssignees { organization { id name } role dueDate cadence }
  }`;

export const IMPORT_DOCUMENT = `mutation ImportDocument($input: DocumentInput!) { importDocument(input: $input) { ${DRAFT_FIELDS} } }`;
export const DRAFT_DOCUMENT = `query DraftDocument($id: ID!) { Document(id: $id) { ${DRAFT_FIELDS} } }`;

export const SET_TASK_ASSIGNEES = `mutation SetTaskAssignees($taskId: ID!, $assignees: [AssigneeInput!]!) {
  setTaskAssignees(taskId: $taskId, assignees: $assignees) { id }
}`;

export const PUBLISH_DOCUMENT = `mutation PublishDocument($id: ID!) { publishDocument(id: $id) { id number status } }`;

export const SEARCH_ORGANIZATIONS = `query SearchOrganizations($q: String) {
  allOrganizations(filter: { q: $q, active: true }, perPage: 20, sortField: "path", sortOrder: "ASC") { id name shortName }
}`;

export interface OutlineSuggestion {
  organizationName: string;
  role: string;
  reason: string;
}

export interface OutlineTask {
  number: string;
  text: string;
  dueDate: string | null;
  cadence: string | null;
  suggestedAssignees: OutlineSuggestion[];
  children?: OutlineTask[];
}

export interface OutlineSection {
  number: string | null;
  heading: string;
  start: number;
  end: number;
}

export interface DocumentOutline {
  header: {
    number: string | null;
    type: string | null;
    issuer: string | null;
    place: string | null;
    date: string | null;
    title: string | null;
    partyHeader: string | null;
    stateHeader: string | null;
    superiorIssuer: string | null;
    signer: { name: string | null; position: string | null; onBehalfOf: string | null } | null;
    recipients: { text: string; purpose: string | null }[];
  };
  sections: OutlineSection[];
  tasksSection: OutlineSection | null;
  footnotes: { index: number; text: string; anchorBefore: string | null }[];
  references: {
    text: string;
    type: string;
    number: string | null;
    date: string | null;
    issuer: string | null;
    name: string | null;
  }[];
  tasks: OutlineTask[];
}

export interface DraftTask {
  id: string;
  number: string;
  text: string;
  kind: string;
  dueDate: string | null;
  cadence: string;
  parent: { id: string } | null;
  suggestedAssignees: { organization: { id: string; name: string } | null; role: string; reason: string }[];
  plannedAssignees: {
    organization: { id: string; name: string } | null;
    role: string;
    dueDate: string | null;
    cadence: string;
  }[];
}

export interface DraftDocument {
  id: string;
  number: string | null;
  title: string | null;
  status: string;
  tasks: DraftTask[];
}
