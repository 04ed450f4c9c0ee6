/** Calendar days as the API speaks them: `YYYY-MM-DD`, judged in Asia/Ho_Chi_Minh. */
export type CalendarDay = string;

const VIETNAM = 'Asia/Ho_Chi_Minh';

/** Today in Vietnam, whatever the browser's own time zone. */
export function todayInVietnam(now: Date = new Date()): CalendarDay {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: VIETNAM,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function toUtc(day: CalendarDay): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, date ?? 1));
}

function fromUtc(date: Date): CalendarDay {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = toUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** Monday to Sunday around a day: "this week" on the supervisor's home. */
export function weekOf(day: CalendarDay): { from: CalendarDay; to: CalendarDay } {
  const weekday = (toUtc(day).getUTCDay() + 6) % 7; // Monday = 0
  const from = addDays(day, -weekday);
  return { from, to: addDays(from, 6) };
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** A day as the reader's language writes it: 13/05/2019 or 5/13/2019. */
export function formatDay(day: CalendarDay | null | undefined, locale: string): string {
  if (!day) return '';
  return toUtc(day).toLocaleDateString(locale === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'UTC' });
}

export function formatDateTime(instant: string | null | undefined, locale: string): string {
  if (!instant) return '';
  return new Date(instant).toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN', { timeZone: VIETNAM });
}
