const OPEN_STATUSES = '[NOT_STARTED, IN_PROGRESS, COMPLETION_REQUESTED]';

/** A body's place in mergers and splits. */
export const LINEAGE = `query OrganizationLineage($id: ID!) {
  Organization(id: $id) { id name active dissolvedOn predecessors { id name } successors { id name } }
}`;

export interface Lineage {
  Organization: {
    id: string;
    name: string;
    active: boolean;
    dissolvedOn: string | null;
    predecessors: { id: string; name: string }[];
    successors: { id: string; name: string }[];
  } | null;
}

/** What moves with a body that ceases: its open work, its people, the bodies under it. */
export const WHAT_MOVES = `query WhatMoves($id: ID!) {
  assignments: _allAssignmentsMeta(filter: { organizationId: $id, status: ${OPEN_STATUSES} }) { count }
  users: _allUsersMeta(filter: { organizationId: $id }) { count }
  children: _allOrganizationsMeta(filter: { parentId: $id }) { count }
}`;

export interface WhatMoves {
  assignments: { count: number };
  users: { count: number };
  children: { count: number };
}

export const MERGE = `mutation MergeOrganizations($input: MergeOrganizationsInput!) {
  mergeOrganizations(input: $input) { id name }
}`;

export const SPLIT = `mutation SplitOrganization($input: SplitOrganizationInput!) {
  splitOrganization(input: $input) { id name }
}`;
