import type { FC } from 'react';
import { Link, useRecordContext } from 'react-admin';

/** "1.2 — Hội LHPN tỉnh": the assignment a report, request or inspection is about, linked to its page. */
// Datagrid reads `label` and `sortable` from the element's props; the field itself needs none.
export const AssignmentLinkField: FC<{ label?: string; sortable?: boolean }> = () => {
  const record = useRecordContext<{
    assignment?: {
      id: string;
      task?: { number?: string } | null;
      organization?: { name?: string } | null;
    } | null;
  }>();
  const assignment = record?.assignment;
  if (!assignment) return null;
  const label =
    [assignment.task?.number, assignment.organization?.name].filter(Boolean).join(' — ') || assignment.id;
  return (
    <Link
      to={`/Assignment/${assignment.id}/show`}
      onClick={(event: { stopPropagation: () => void }) => event.stopPropagation()}
    >
      {label}
    </Link>
  );
};
