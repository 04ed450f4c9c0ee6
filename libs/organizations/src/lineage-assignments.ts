import type { EntityManager } from 'typeorm';

import type { Organization } from './organization.entity.js';

/** What the audit trail keeps of an assignment handed over (or closed) by a reorganization. */
export interface AssignmentChange {
  id: string;
  /** The body that owns the assignment's document: the audit trail's subject with the bodies. */
  documentOwnerId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface AssignmentHandover {
  moved: AssignmentChange[];
  folded: AssignmentChange[];
}

/** Statuses of work still expected (the assignments lib's `isOpen`, as SQL). */
const OPEN = `('NOT_STARTED','IN_PROGRESS','COMPLETION_REQUESTED')`;

interface OpenRow {
  id: string;
  task_id: string;
  status: string;
  percent_complete: number;
  version: number;
  document_owner_id: string;
}

/**
 * Hands the source's open assignments to the successor, in the caller's transaction.
 * Written in SQL on the assignments table because the assignments lib builds on this one
 * (organizations cannot import it); the status names are the assignments lib's.
 *
 * One body holds at most one assignment per task (a unique index, and the rule that a task
 * has one accountable lead per body). So when the successor already holds the task — the
 * ten district committees given the same task, a district union's delegated part of its
 * provincial union's assignment — the source's open assignment is not moved but closed:
 * CANCELLED with a reason naming the successor, whose own assignment carries the work on.
 * Among several sources' assignments of one task, the most advanced (highest percent,
 * then oldest) is the one that moves. Finished assignments are not touched.
 */
export async function moveOpenAssignments(
  manager: EntityManager,
  step: { source: Organization; successor: Organization; effectiveDate: string },
): Promise<AssignmentHandover> {
  const { source, successor, effectiveDate } = step;
  const open = (await manager.query(
    `SELECT a.id, a.task_id, a.status, a.percent_complete, a.version,
            d.owner_organization_id AS document_owner_id
       FROM assignments a
       JOIN tasks t ON t.id = a.task_id
       JOIN documents d ON d.id = t.document_id
      WHERE a.organization_id = $1 AND a.status IN ${OPEN}
      ORDER BY a.percent_complete DESC, a.created_at, a.id
      FOR UPDATE OF a`,
    [source.id],
  )) as OpenRow[];
  if (open.length === 0) return { moved: [], folded: [] };
  const held = new Set(
    (
      (await manager.query(`SELECT task_id FROM assignments WHERE organization_id = $1`, [successor.id])) as {
        task_id: string;
      }[]
    ).map((row) => row.task_id),
  );
  const moving: OpenRow[] = [];
  const folding: OpenRow[] = [];
  for (const row of open) {
    if (held.has(row.task_id)) {
      folding.push(row);
    } else {
      held.add(row.task_id);
      moving.push(row);
    }
  }
  if (moving.length > 0) {
    await manager.query(
      `UPDATE assignments SET organization_id = $2, organization_path = $3::ltree,
              version = version + 1, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [moving.map((row) => row.id), successor.id, successor.path],
    );
    // Inspections copy their assignment's body for scoping: they follow the work they judge.
    await manager.query(
      `UPDATE inspections SET organization_id = $2, organization_path = $3::ltree, updated_at = now()
        WHERE assignment_id = ANY($1::uuid[])`,
      [moving.map((row) => row.id), successor.id, successor.path],
    );
  }
  const reason =
    `Sáp nhập vào ${successor.name} từ ngày ${dayVi(effectiveDate)}; ` +
    `${successor.name} đã được giao nhiệm vụ này và tiếp tục thực hiện.`;
  if (folding.length > 0) {
    await manager.query(
      `UPDATE assignments SET status = 'CANCELLED', cancel_reason = $2, version = version + 1, updated_at = now()
        WHERE id = ANY($1::uuid[])`,
      [folding.map((row) => row.id), reason],
    );
  }
  return {
    moved: moving.map((row) => ({
      id: row.id,
      documentOwnerId: row.document_owner_id,
      before: { organizationId: source.id, status: row.status, version: row.version },
      after: { organizationId: successor.id, status: row.status, version: row.version + 1 },
    })),
    folded: folding.map((row) => ({
      id: row.id,
      documentOwnerId: row.document_owner_id,
      before: { organizationId: source.id, status: row.status, version: row.version },
      after: {
        organizationId: source.id,
        status: 'CANCELLED',
        cancelReason: reason,
        continuedBy: successor.id,
        version: row.version + 1,
      },
    })),
  };
}

function dayVi(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}
