import { AssignmentRole } from '@dondoc/directives';

import type { TrackingRow } from './report-data.js';
import { tableDate, TIMELINESS_VI } from './report-labels.js';

/** The tracking table's columns (bảng theo dõi), shared by the .xlsx and the CSV. */
export const TRACKING_HEADERS = [
  'STT',
  'Nội dung nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời hạn (ban đầu)',
  'Thời hạn (hiện tại)',
  'Tiến độ (%)',
  'Tình trạng',
  'Kết quả / ghi chú',
] as const;

export type TrackingCells = [number, string, string, string, string, string, number, string, string];

/**
 * One assignment as the table's cells. A lead's row names its coordinators; a coordinator's
 * row names the task's lead and itself as the coordinating body, so every body finds its own
 * part and deadline on a line of its own.
 */
export function trackingCells(row: TrackingRow, index: number): TrackingCells {
  const isLead = row.role === AssignmentRole.LEAD;
  const note = row.daysOverdue > 0 ? joinNote(`Quá hạn ${row.daysOverdue} ngày`, row.note) : row.note;
  return [
    index + 1,
    row.taskText,
    isLead ? row.organizationName : row.leads.join('; '),
    isLead ? row.coordinators.join('; ') : row.organizationName,
    tableDate(row.baselineDueDate),
    tableDate(row.dueDate),
    row.percentComplete,
    TIMELINESS_VI[row.timeliness],
    note,
  ];
}

function joinNote(first: string, rest: string): string {
  return rest ? `${first}. ${rest}` : first;
}
