import type { CalendarDay } from '../common/dates';

export type Cadence = 'NONE' | 'MONTHLY' | 'QUARTERLY' | 'HALF_YEARLY' | 'YEARLY';

/**
 * The reporting period a day falls in, written as the API expects it:
 * 2026-11 (monthly), 2026-Q4, 2026-H2, 2026 (yearly). Work without a cadence reports
 * by quarter, the office's usual rhythm.
 */
export function periodOf(cadence: Cadence | string, day: CalendarDay): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  switch (cadence) {
    case 'MONTHLY':
      return `${year}-${day.slice(5, 7)}`;
    case 'HALF_YEARLY':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'YEARLY':
      return year;
    default:
      return `${year}-Q${Math.ceil(month / 3)}`;
  }
}
