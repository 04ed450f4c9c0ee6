/** What happened to one assignment, from every source, in date order. */

export type TimelineKind =
  | 'report_submitted'
  | 'report_reviewed'
  | 'extension_requested'
  | 'extension_decided'
  | 'inspection_recorded'
  | 'inspection_resolved'
  | 'audit';

export interface TimelineEntry {
  /** An instant (ISO 8601). */
  at: string;
  kind: TimelineKind;
  /** A stable key for React and for dropping duplicates. */
  key: string;
  /** The record it is about: a report, a request, an inspection, an audit event. */
  subject: object;
}

export interface TimelineSources {
  reports?: readonly {
    id: string;
    submittedAt?: string | null;
    reviewedAt?: string | null;
  }[];
  extensions?: readonly { id: string; createdAt: string; decidedAt?: string | null }[];
  inspections?: readonly { id: string; createdAt: string; resolvedAt?: string | null }[];
  auditEvents?: readonly { id: string; occurredAt: string; action?: string }[];
}

/** Oldest first; entries at the same instant keep the order of their sources. */
export function buildTimeline({
  reports = [],
  extensions = [],
  inspections = [],
  auditEvents = [],
}: TimelineSources): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const add = (at: string | null | undefined, kind: TimelineKind, id: string, subject: object) => {
    if (at) entries.push({ at, kind, key: `${kind}:${id}`, subject });
  };
  for (const report of reports) {
    add(report.submittedAt, 'report_submitted', report.id, report);
    add(report.reviewedAt, 'report_reviewed', report.id, report);
  }
  for (const request of extensions) {
    add(request.createdAt, 'extension_requested', request.id, request);
    add(request.decidedAt, 'extension_decided', request.id, request);
  }
  for (const inspection of inspections) {
    add(inspection.createdAt, 'inspection_recorded', inspection.id, inspection);
    add(inspection.resolvedAt, 'inspection_resolved', inspection.id, inspection);
  }
  for (const event of auditEvents) add(event.occurredAt, 'audit', event.id, event);
  return entries
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ entry }) => entry);
}
