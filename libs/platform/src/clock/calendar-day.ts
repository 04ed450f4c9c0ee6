import { TIME_ZONE } from '../config/app-config.js';

/**
 * Calendar days as `YYYY-MM-DD` strings in Asia/Ho_Chi_Minh. A due date is a day, not an
 * instant: work is on time if it is completed on or before that day in Vietnam.
 */
export type CalendarDay = string;

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Vietnamese calendar day on which an instant falls. */
export function calendarDayOf(instant: Date): CalendarDay {
  return dayFormat.format(instant);
}

export function isCalendarDay(text: string): boolean {
  const match = CALENDAR_DAY.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / 86_400_000);
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return new Date(toUtcMidnight(day) + days * 86_400_000).toISOString().slice(0, 10);
}

function toUtcMidnight(day: CalendarDay): number {
  if (!isCalendarDay(day)) {
    throw new RangeError(`"${day}" is not a calendar day (YYYY-MM-DD)`);
  }
  return Date.parse(`${day}T00:00:00Z`);
}
