import type { CalendarDay } from '../common/dates';

export interface MonthCell {
  day: CalendarDay;
  /** False for the days of the previous or next month that fill the first and last weeks. */
  inMonth: boolean;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The first and last day of a month (month 1–12). */
export function monthRange(year: number, month: number): { from: CalendarDay; to: CalendarDay } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
}

/** The month as whole weeks, Monday first, as Vietnamese calendars print it. */
export function monthGrid(year: number, month: number): MonthCell[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const start = new Date(first);
  start.setUTCDate(1 - ((first.getUTCDay() + 6) % 7));
  const weeks: MonthCell[][] = [];
  const cursor = new Date(start);
  do {
    const week: MonthCell[] = [];
    for (let weekday = 0; weekday < 7; weekday += 1) {
      week.push({ day: cursor.toISOString().slice(0, 10), inMonth: cursor.getUTCMonth() === month - 1 });
      cursor.setUTCDate(cursor.getUTCDate() + 1);
    }
    weeks.push(week);
  } while (cursor.getUTCMonth() === month - 1);
  return weeks;
}

export type CalendarEntryKind = 'due' | 'report';

export interface CalendarEntry<T> {
  kind: CalendarEntryKind;
  item: T;
}

/**
 * Each item under the days it falls on: its due date, and the day its next report is due
 * (both when both fall in the range). Days outside [from, to] are left out.
 */
export function bucketByDay<T>(
  items: readonly T[],
  dates: (item: T) => { dueDate?: CalendarDay | null; reportDate?: CalendarDay | null },
  range: { from: CalendarDay; to: CalendarDay },
): Map<CalendarDay, CalendarEntry<T>[]> {
  const buckets = new Map<CalendarDay, CalendarEntry<T>[]>();
  const put = (day: CalendarDay | null | undefined, entry: CalendarEntry<T>) => {
    if (!day || day < range.from || day > range.to) return;
    const bucket = buckets.get(day) ?? [];
    bucket.push(entry);
    buckets.set(day, bucket);
  };
  for (const item of items) {
    const { dueDate, reportDate } = dates(item);
    put(dueDate, { kind: 'due', item });
    put(reportDate, { kind: 'report', item });
  }
  return buckets;
}
