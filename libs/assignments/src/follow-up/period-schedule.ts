import type { CalendarDay } from '@dondoc/platform';

import { Cadence } from '../cadence.js';
import {
  type PeriodCadence,
  periodOf,
  previousPeriod,
  reportDeadlines,
  type ReportingDeadlineSettings,
  type ReportingPeriod,
} from '../reporting-period.js';

/** The cadences that have reporting periods, shortest first. */
export const PERIOD_CADENCES: readonly PeriodCadence[] = [
  Cadence.MONTHLY,
  Cadence.QUARTERLY,
  Cadence.HALF_YEARLY,
  Cadence.YEARLY,
];

/**
 * Whose figures a period of `cadence` freezes: the assignments that report at that cadence,
 * and for quarters also the work that reports at none (Cadence.NONE), so that the office
 * has quarterly figures of everything it follows — the quarter is the period the Standing
 * Committee reviews. Work with a cadence is frozen in its own periods only.
 */
export function frozenCadences(cadence: PeriodCadence): Cadence[] {
  return cadence === Cadence.QUARTERLY ? [Cadence.QUARTERLY, Cadence.NONE] : [cadence];
}

/**
 * The latest period of `cadence` whose figures are cut off on or before `today`: the
 * current one from its cut-off day on, the previous one before that (so a sweep that did
 * not run on the cut-off day itself still freezes that period the next time it runs).
 */
export function lastCutOffPeriod(
  cadence: PeriodCadence,
  today: CalendarDay,
  settings: ReportingDeadlineSettings,
): ReportingPeriod {
  const current = periodOf(cadence, today);
  return reportDeadlines(current, settings).cutoff <= today ? current : previousPeriod(current);
}

/**
 * The reminder whose window holds a due day `daysLeft` days away, with the windows of the
 * due-date reminders: each threshold covers (next smaller threshold, threshold], so with
 * [7, 1] a report due in 2 to 7 days gets the 7-day reminder and one due tomorrow or today
 * the 1-day one. `null` when none applies (too early, or the day has passed).
 */
export function reminderThreshold(daysLeft: number, reminderDays: readonly number[]): number | null {
  if (daysLeft < 0) return null;
  const fitting = reminderDays.filter((days) => days >= daysLeft);
  return fitting.length === 0 ? null : Math.min(...fitting);
}
