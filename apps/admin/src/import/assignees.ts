import type { DraftTask } from './import-queries';

/** One row of the assignee editor. */
export interface AssigneeRow {
  organization: { id: string; name: string } | null;
  role: 'LEAD' | 'COORDINATE';
  dueDate: string;
  cadence: string;
  /** Why the reader proposed this body (empty for a row added by hand). */
  reason: string;
}

const role = (value: string): AssigneeRow['role'] => (value === 'LEAD' ? 'LEAD' : 'COORDINATE');

/**
 * The rows a task starts with: what was already planned (a draft reopened), otherwise the
 * reader's suggestions that name a known body, with the task's own due date and cadence.
 */
export function initialAssignees(task: DraftTask): AssigneeRow[] {
  if (task.plannedAssignees.length > 0) {
    return task.plannedAssignees.map((planned) => ({
      organization: planned.organization,
      role: role(planned.role),
      dueDate: planned.dueDate ?? task.dueDate ?? '',
      cadence: planned.cadence,
      reason: '',
    }));
  }
  const seen = new Set<string>();
  return task.suggestedAssignees.flatMap((suggestion) => {
    const organization = suggestion.organization;
    if (!organization || seen.has(organization.id)) return [];
    seen.add(organization.id);
    return [
      {
        organization,
        role: role(suggestion.role),
        dueDate: task.dueDate ?? '',
        cadence: task.cadence,
        reason: suggestion.reason,
      },
    ];
  });
}

/** Rows → the API's AssigneeInput list; a row without a body is left out. */
export function toAssigneeInputs(rows: readonly AssigneeRow[]) {
  return rows.flatMap((row) =>
    row.organization
      ? [
          {
            organizationId: row.organization.id,
            role: row.role,
            dueDate: row.dueDate || null,
            cadence: row.cadence || null,
          },
        ]
      : [],
  );
}

/** A joint task takes one lead at most (Decree 39/2022/NĐ-CP); the server refuses more. */
export function tooManyLeads(kind: string, rows: readonly AssigneeRow[]): boolean {
  return kind === 'JOINT' && rows.filter((row) => row.organization && row.role === 'LEAD').length > 1;
}

/** A file's bytes as base64, the shape `DocumentInput.fileBase64` takes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}

export const ACCEPTED_EXTENSIONS = ['.txt', '.docx', '.pdf'];

export function isAcceptedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((extension) => lower.endsWith(extension));
}
