/**
 * Mergers and splits as the console prepares them (the API's mergeOrganizations and
 * splitOrganization): the rows the administrator fills in → the operation's input.
 */
export interface SuccessorRow {
  name: string;
  kind: string;
  /** Empty: the successor sits where the source sat. */
  parent: { id: string; name: string } | null;
}

export const emptySuccessor = (kind: string): SuccessorRow => ({ name: '', kind, parent: null });

/** The split's input, or the catalogue key of what is missing. */
export function splitInput(
  sourceId: string,
  rows: readonly SuccessorRow[],
  effectiveDate: string,
):
  | {
      input: {
        sourceId: string;
        effectiveDate: string;
        successors: { name: string; kind: string; parentId?: string }[];
      };
    }
  | { missing: string } {
  if (rows.length === 0) return { missing: 'app.lineage.need_successor' };
  if (rows.some((row) => row.name.trim() === '' || row.kind === '')) {
    return { missing: 'app.lineage.need_successor_name' };
  }
  if (!effectiveDate) return { missing: 'app.lineage.need_date' };
  return {
    input: {
      sourceId,
      effectiveDate,
      successors: rows.map((row) => ({
        name: row.name.trim(),
        kind: row.kind,
        ...(row.parent ? { parentId: row.parent.id } : {}),
      })),
    },
  };
}

/** The merger's input, or the catalogue key of what is missing. */
export function mergeInput(
  sourceId: string,
  target: { id: string } | null,
  effectiveDate: string,
  note: string,
):
  | { input: { sourceIds: string[]; targetId: string; effectiveDate: string; note?: string } }
  | { missing: string } {
  if (!target) return { missing: 'app.lineage.need_target' };
  if (target.id === sourceId) return { missing: 'app.lineage.same_target' };
  if (!effectiveDate) return { missing: 'app.lineage.need_date' };
  const trimmed = note.trim();
  return {
    input: {
      sourceIds: [sourceId],
      targetId: target.id,
      effectiveDate,
      ...(trimmed ? { note: trimmed } : {}),
    },
  };
}
