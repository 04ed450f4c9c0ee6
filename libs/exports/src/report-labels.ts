import { AssignmentStatus, Timeliness } from '@dondoc/assignments';
import { AssignmentRole } from '@dondoc/directives';

/** How timeliness reads in the files (DOMAIN.md "Status and timeliness"). */
export const TIMELINESS_VI: Readonly<Record<Timeliness, string>> = {
  [Timeliness.ON_TRACK]: 'Đang thực hiện trong hạn',
  [Timeliness.DUE_SOON]: 'Sắp đến hạn',
  [Timeliness.OVERDUE]: 'Quá hạn (chưa hoàn thành)',
  [Timeliness.COMPLETED_ON_TIME]: 'Hoàn thành đúng hạn',
  [Timeliness.COMPLETED_LATE]: 'Hoàn thành quá hạn',
  [Timeliness.CANCELLED]: 'Đã hủy',
};

/** The Government Office's four categories, in the order the report gives them. */
export const OFFICIAL_CATEGORIES: readonly Timeliness[] = [
  Timeliness.COMPLETED_ON_TIME,
  Timeliness.COMPLETED_LATE,
  Timeliness.ON_TRACK,
  Timeliness.OVERDUE,
];

/** The report's wording of the four categories (with DUE_SOON counted as within the deadline). */
export const CATEGORY_VI: Readonly<Record<string, string>> = {
  [Timeliness.COMPLETED_ON_TIME]: 'Hoàn thành đúng hạn',
  [Timeliness.COMPLETED_LATE]: 'Hoàn thành quá hạn',
  [Timeliness.ON_TRACK]: 'Chưa hoàn thành, còn trong hạn',
  [Timeliness.OVERDUE]: 'Chưa hoàn thành, đã quá hạn',
};

export const STATUS_VI: Readonly<Record<AssignmentStatus, string>> = {
  [AssignmentStatus.NOT_STARTED]: 'Chưa thực hiện',
  [AssignmentStatus.IN_PROGRESS]: 'Đang thực hiện',
  [AssignmentStatus.COMPLETION_REQUESTED]: 'Chờ xác nhận hoàn thành',
  [AssignmentStatus.COMPLETED]: 'Đã hoàn thành',
  [AssignmentStatus.CANCELLED]: 'Đã hủy',
};

export const ROLE_VI: Readonly<Record<AssignmentRole, string>> = {
  [AssignmentRole.LEAD]: 'Chủ trì',
  [AssignmentRole.COORDINATE]: 'Phối hợp',
};

export const SEVERITY_VI: Readonly<Record<string, string>> = {
  LOW: 'thấp',
  MEDIUM: 'trung bình',
  HIGH: 'cao',
};

/** `2027-03-31` → `31/03/2027` (tables). */
export function tableDate(day: string | null): string {
  if (!day) return 'Thường xuyên';
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** `2027-03-05` → `05-3-2027`: how a Party text cites a day in its body (DOCUMENT-LAYOUT.md §3). */
export function bodyDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}-${Number(month)}-${year}`;
}

/**
 * `Kon Tum, ngày 05 tháng 02 năm 2027`: zero before a day under 10 and before months 1–2,
 * as the Party layout writes the place-and-date line (DOCUMENT-LAYOUT.md §1).
 */
export function placeDateLine(place: string, day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const dd = String(date).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** A share as Vietnamese writes it: `66,7 %`; a dash when there is nothing to divide. */
export function percentText(rate: number | null): string {
  if (rate === null) return '–';
  return `${(Math.round(rate * 1000) / 10).toLocaleString('vi-VN')} %`;
}
