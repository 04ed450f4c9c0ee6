import type { EntityManager } from 'typeorm';

/** What a notification about an assignment says, read in one query for a whole batch. */
export interface AssignmentFacts {
  assignmentId: string;
  organizationId: string;
  assignedByOrganizationId: string;
  /** The jurisdiction (root of the tree) the assignee belongs to: whose inspectors hear of it. */
  jurisdiction: string;
  /** Empty for a confidential directive's task: its text never enters a notification or e-mail. */
  taskText: string;
  confidential: boolean;
  organizationName: string;
  documentNumber: string | null;
  dueDate: string | null;
}

export async function assignmentFacts(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, AssignmentFacts>> {
  if (ids.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT a.id AS "assignmentId", a.organization_id AS "organizationId",
            a.assigned_by_organization_id AS "assignedByOrganizationId",
            subpath(a.organization_path, 0, 1)::text AS jurisdiction,
            CASE WHEN d.confidential THEN '' ELSE t.text END AS "taskText", d.confidential,
            o.name AS "organizationName", d.number AS "documentNumber",
            coalesce(a.due_date, a.next_report_due) AS "dueDate"
       FROM assignments a
       JOIN tasks t ON t.id = a.task_id
       JOIN organizations o ON o.id = a.organization_id
       JOIN documents d ON d.id = a.document_id
      WHERE a.id = ANY($1::uuid[])`,
    [ids],
  )) as AssignmentFacts[];
  return new Map(rows.map((row) => [row.assignmentId, row]));
}

/** The active inspectors of each jurisdiction, by jurisdiction root. */
export async function inspectorsOf(
  manager: EntityManager,
  jurisdictions: readonly string[],
): Promise<Map<string, string[]>> {
  const unique = [...new Set(jurisdictions)];
  if (unique.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT u.id, subpath(o.path, 0, 1)::text AS jurisdiction
       FROM users u JOIN organizations o ON o.id = u.organization_id
      WHERE u.active AND 'INSPECTOR' = ANY(u.roles) AND subpath(o.path, 0, 1) = ANY($1::ltree[])`,
    [unique],
  )) as { id: string; jurisdiction: string }[];
  const byJurisdiction = new Map<string, string[]>();
  for (const row of rows)
    byJurisdiction.set(row.jurisdiction, [...(byJurisdiction.get(row.jurisdiction) ?? []), row.id]);
  return byJurisdiction;
}
