import { type CalendarDay, daysBetween, isCalendarDay } from '@dondoc/platform';

import { AssignmentStatus } from './assignment-status.js';

/**
 * Where an assignment stands against its deadline (DOMAIN.md "Status and timeliness"):
 * the Government Office's four categories plus DUE_SOON and CANCELLED. Derived, never
 * stored: it changes with the calendar while nobody touches the record.
 */
export enum Timeliness {
  ON_TRACK = 'ON_TRACK',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  COMPLETED_ON_TIME = 'COMPLETED_ON_TIME',
  COMPLETED_LATE = 'COMPLETED_LATE',
  CANCELLED = 'CANCELLED',
}

/** What the rule reads from an assignment. Days are `YYYY-MM-DD` Asia/Ho_Chi_Minh days. */
export interface TimelinessFacts {
  status: AssignmentStatus;
  /** The current due date; `null` for continuous work (thường xuyên). */
  dueDate: CalendarDay | null;
  /** The first due date; approved extensions move `dueDate`, never this. */
  baselineDueDate: CalendarDay | null;
  /** The day the completed work was done (set when COMPLETED). */
  completedOn: CalendarDay | null;
  /** The day completion was last requested (set from COMPLETION_REQUESTED on). */
  completionRequestedOn: CalendarDay | null;
  /** Continuous work with a cadence: the due day of the next report not yet submitted. */
  nextReportDue: CalendarDay | null;
}

/** Which due date on-time is measured against: the current one, or the baseline. */
export type TimelinessAgainst = 'current' | 'baseline';

export interface TimelinessOptions {
  /** Today in Asia/Ho_Chi_Minh, from the injected Clock (`calendarDayOf(clock.now())`). */
  today: CalendarDay;
  /** How many days before the due date work turns DUE_SOON. */
  warningDays?: number;
  against?: TimelinessAgainst;
}

export const DEFAULT_WARNING_DAYS = 7;

/**
 * The rule, for one record. `timeliness.sql.ts` states the same rule for SQL, clause by
 * clause in the same order; `timeliness.int-spec.ts` holds the two together — change both.
 *
 * - CANCELLED status → CANCELLED.
 * - COMPLETED → on time when there is no due date or the work was done on or before it.
 *   A COMPLETED record without `completedOn` (data from before the column was filled) is
 *   judged as if done today: late if the due date has passed, on time otherwise — claiming
 *   either for certain would be a guess, and today is the latest it can have been done.
 * - Open work (NOT_STARTED, IN_PROGRESS, COMPLETION_REQUESTED):
 *   - continuous (no due date): OVERDUE when a period report is past its due day, else ON_TRACK;
 *   - COMPLETION_REQUESTED on or before the due date: ON_TRACK — the assignee finished in
 *     time and waits for the assigner's confirmation, which should not count against it;
 *   - past the due date: OVERDUE; within `warningDays` of it (inclusive): DUE_SOON; else ON_TRACK.
 */
export function timelinessOf(facts: TimelinessFacts, options: TimelinessOptions): Timeliness {
  const { today, warningDays } = checkedOptions(options);
  const due = effectiveDueDate(facts, options);

  switch (facts.status) {
    case AssignmentStatus.CANCELLED:
      return Timeliness.CANCELLED;
    case AssignmentStatus.COMPLETED:
      return due === null || daysBetween(facts.completedOn ?? today, due) >= 0
        ? Timeliness.COMPLETED_ON_TIME
        : Timeliness.COMPLETED_LATE;
    case AssignmentStatus.NOT_STARTED:
    case AssignmentStatus.IN_PROGRESS:
    case AssignmentStatus.COMPLETION_REQUESTED:
      if (due === null) {
        return facts.nextReportDue !== null && daysBetween(facts.nextReportDue, today) > 0
          ? Timeliness.OVERDUE
          : Timeliness.ON_TRACK;
      }
      if (
        facts.status === AssignmentStatus.COMPLETION_REQUESTED &&
        facts.completionRequestedOn !== null &&
        daysBetween(facts.completionRequestedOn, due) >= 0
      ) {
        return Timeliness.ON_TRACK;
      }
      {
        const daysLeft = daysBetween(today, due);
        if (daysLeft < 0) return Timeliness.OVERDUE;
        return daysLeft <= warningDays ? Timeliness.DUE_SOON : Timeliness.ON_TRACK;
      }
  }
}

/**
 * Whole days the work is late: past the effective due date, or for continuous work past
 * the next report's due day. 0 unless `timelinessOf` says OVERDUE.
 */
export function daysOverdue(facts: TimelinessFacts, options: TimelinessOptions): number {
  if (timelinessOf(facts, options) !== Timeliness.OVERDUE) return 0;
  const due = effectiveDueDate(facts, options) ?? facts.nextReportDue;
  // OVERDUE implies one of the two is set; the guard only satisfies the type.
  return due === null ? 0 : daysBetween(due, options.today);
}

/** The due date the rule measures against, as `against` picks it. */
export function effectiveDueDate(
  facts: TimelinessFacts,
  options: Pick<TimelinessOptions, 'against'>,
): CalendarDay | null {
  return (options.against ?? 'current') === 'baseline' ? facts.baselineDueDate : facts.dueDate;
}

function checkedOptions(options: TimelinessOptions): { today: CalendarDay; warningDays: number } {
  const warningDays = options.warningDays ?? DEFAULT_WARNING_DAYS;
  if (!isCalendarDay(options.today)) {
    throw new RangeError(`today "${options.today}" is not a calendar day (YYYY-MM-DD)`);
  }
  if (!Number.isInteger(warningDays) || warningDays < 0) {
    throw new RangeError(`warningDays must be a whole number of days, 0 or more (got ${warningDays})`);
  }
  return { today: options.today, warningDays };
}
