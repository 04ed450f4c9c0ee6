import type { EntityManager } from 'typeorm';

import type { Assignment } from './assignment.entity.js';

type AssignedWork = Pick<Assignment, 'organizationId' | 'assignedByOrganizationId' | 'documentId'>;

/**
 * The bodies an audit event about assigned work is about (its `subjectOrganizationIds`):
 * the assignee, the body that gave the work (a delegating body for a delegated part) and the
 * owner of the document. One rule for every event on an assignment, its reports, extension
 * requests and inspections: the owner sees what another province's body did with the work
 * it gave out, and the assignee sees what was decided about its own work.
 */
export async function assignmentAuditSubjects(
  manager: EntityManager,
  assignments: readonly AssignedWork[],
): Promise<string[][]> {
  const documentIds = [...new Set(assignments.map((assignment) => assignment.documentId))];
  const owners =
    documentIds.length === 0
      ? []
      : ((await manager.query(
          'SELECT id::text AS id, owner_organization_id::text AS owner FROM documents WHERE id = ANY($1::uuid[])',
          [documentIds],
        )) as { id: string; owner: string }[]);
  const ownerOf = new Map(owners.map((row) => [row.id, row.owner]));
  return assignments.map((assignment) => {
    const owner = ownerOf.get(assignment.documentId);
    const subjects = [assignment.organizationId, assignment.assignedByOrganizationId];
    return owner === undefined ? subjects : [...subjects, owner];
  });
}

/** The same for one assignment. */
export async function assignmentAuditSubject(
  manager: EntityManager,
  assignment: AssignedWork,
): Promise<string[]> {
  const [subjects] = await assignmentAuditSubjects(manager, [assignment]);
  return subjects;
}
