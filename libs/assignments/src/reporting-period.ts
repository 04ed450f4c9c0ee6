import { type CalendarDay, DomainErrorCode, DomainException, isCalendarDay } from '@dondoc/platform';

import { Cadence } from './cadence.js';

/** The cadences that have reporting periods. */
export type PeriodCadence = Exclude<Cadence, Cadence.NONE>;

/** One reporting period (kỳ báo cáo): its id as API.md writes it, and its first and last day. */
export interface ReportingPeriod {
  /** `2026-11` (month), `2026-Q4` (quarter), `2026-H2` (half year), `2026` (year). */
  id: string;
  cadence: PeriodCadence;
  start: CalendarDay;
  end: CalendarDay;
}

/**
 * When a period's figures are frozen (chốt số liệu) and when its report is due, both as a
 * day of the period's last month. Set per document.
 */
export interface ReportingDeadlineSettings {
  cutoffDay: number;
  reportDueDay: number;
}

/**
 * Decree 09/2019/NĐ-CP cuts state periodic reports off on the 14th of the period's last
 * month; the 20th for the report itself is the usual deadline given to assignees.
 */
export const DEFAULT_REPORTING_DEADLINES: Readonly<ReportingDeadlineSettings> = Object.freeze({
  cutoffDay: 14,
  reportDueDay: 20,
});

/** A period id that does not name a reporting period. Bad input: it comes from the caller. */
export class PeriodFormatError extends DomainException {
  constructor(readonly text: string) {
    const shown = text === '' ? 'An empty text' : text;
    super(
      DomainErrorCode.BAD_USER_INPUT,
      {
        en: `${shown} is not a reporting period: use 2026-11, 2026-Q4, 2026-H2 or 2026`,
        vi: `${text === '' ? 'Chuỗi rỗng' : text} không phải là kỳ báo cáo: dùng 2026-11, 2026-Q4, 2026-H2 hoặc 2026`,
      },
      { field: 'period', text },
    );
    this.name = 'PeriodFormatError';
  }
}

/** Deadline settings a document cannot use. */
export class ReportingDeadlinesError extends DomainException {
  constructor(
    readonly settings: ReportingDeadlineSettings,
    en: string,
    vi: string,
  ) {
    super(DomainErrorCode.BAD_USER_INPUT, { en, vi }, { field: 'reportingDeadlines', ...settings });
    this.name = 'ReportingDeadlinesError';
  }
}

/** How many periods of each cadence a year holds, and the id's suffix for period `n` (1-based). */
const SHAPES: Record<PeriodCadence, { perYear: number; suffix: (n: number) => string }> = {
  [Cadence.MONTHLY]: { perYear: 12, suffix: (n) => `-${pad(n)}` },
  [Cadence.QUARTERLY]: { perYear: 4, suffix: (n) => `-Q${n}` },
  [Cadence.HALF_YEARLY]: { perYear: 2, suffix: (n) => `-H${n}` },
  [Cadence.YEARLY]: { perYear: 1, suffix: () => '' },
};

// Four-digit years only, so that every id sorts and reads the same way; strict on case and
// spacing so that one period has exactly one id (one report per assignment and period).
const PERIOD_ID = /^([1-9]\d{3})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])))?$/;

/** The period an id names, or a `PeriodFormatError`. */
export function parsePeriod(text: string): ReportingPeriod {
  const match = PERIOD_ID.exec(text);
  if (!match) throw new PeriodFormatError(text);
  const [, year, month, quarter, half] = match;
  if (month !== undefined) return periodAt(Cadence.MONTHLY, Number(year), Number(month));
  if (quarter !== undefined) return periodAt(Cadence.QUARTERLY, Number(year), Number(quarter));
  if (half !== undefined) return periodAt(Cadence.HALF_YEARLY, Number(year), Number(half));
  return periodAt(Cadence.YEARLY, Number(year), 1);
}

/** The period of `cadence` that contains `day`; `null` for `Cadence.NONE`. */
export function periodOf(cadence: PeriodCadence, day: CalendarDay): ReportingPeriod;
export function periodOf(cadence: Cadence, day: CalendarDay): ReportingPeriod | null;
export function periodOf(cadence: Cadence, day: CalendarDay): ReportingPeriod | null {
  checkDay(day);
  if (cadence === Cadence.NONE) return null;
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const monthsPerPeriod = 12 / SHAPES[cadence].perYear;
  return periodAt(cadence, year, Math.ceil(month / monthsPerPeriod));
}

/** The period right after `period`, of the same cadence. */
export function nextPeriod(period: ReportingPeriod): ReportingPeriod {
  return shifted(period, 1);
}

/** The period right before `period`, of the same cadence. */
export function previousPeriod(period: ReportingPeriod): ReportingPeriod {
  return shifted(period, -1);
}

/**
 * The period's cut-off day and report due day: those days of its last month. Both may be
 * set from 1 to 31 and are clamped to the month's length — 31 means "the last day", which
 * is 28 or 29 in February — so a document can say "end of the month" for every period.
 */
export function reportDeadlines(
  period: ReportingPeriod,
  settings: ReportingDeadlineSettings = DEFAULT_REPORTING_DEADLINES,
): { cutoff: CalendarDay; due: CalendarDay } {
  checkReportingDeadlines(settings);
  const lastMonth = period.end.slice(0, 8); // `YYYY-MM-`
  const monthLength = Number(period.end.slice(8, 10));
  const day = (n: number) => `${lastMonth}${pad(Math.min(n, monthLength))}`;
  return { cutoff: day(settings.cutoffDay), due: day(settings.reportDueDay) };
}

/**
 * The period whose report first covers work that starts on `startDay`: the period holding
 * that day, unless its figures were already cut off by then — work that starts after the
 * cut-off has nothing to show in that period's report (its figures count toward the next
 * one, as Decree 09 cuts them), and its due day may even be past already, which would make
 * brand-new work overdue on its first day. Then it is the next period. `null` for `NONE`.
 */
export function firstReportPeriod(
  cadence: Cadence,
  startDay: CalendarDay,
  settings: ReportingDeadlineSettings = DEFAULT_REPORTING_DEADLINES,
): ReportingPeriod | null {
  const period = periodOf(cadence, startDay);
  if (period === null) return null;
  return startDay > reportDeadlines(period, settings).cutoff ? nextPeriod(period) : period;
}

/** Where `nextReportDue` starts for new continuous work: the due day of `firstReportPeriod`. */
export function firstReportDue(
  cadence: Cadence,
  startDay: CalendarDay,
  settings: ReportingDeadlineSettings = DEFAULT_REPORTING_DEADLINES,
): CalendarDay | null {
  const period = firstReportPeriod(cadence, startDay, settings);
  return period === null ? null : reportDeadlines(period, settings).due;
}

/** What `nextReportDue` becomes once the report for `periodId` is submitted: the next period's due day. */
export function reportDueAfter(
  periodId: string,
  settings: ReportingDeadlineSettings = DEFAULT_REPORTING_DEADLINES,
): CalendarDay {
  return reportDeadlines(nextPeriod(parsePeriod(periodId)), settings).due;
}

/**
 * Refuses settings that cannot be days of a month, and a report due before its figures are
 * cut off. Call it where a document's settings are saved, to refuse them at the door.
 */
export function checkReportingDeadlines(settings: ReportingDeadlineSettings): ReportingDeadlineSettings {
  const { cutoffDay, reportDueDay } = settings;
  for (const [name, vi, value] of [
    ['cutoffDay', 'Ngày chốt số liệu', cutoffDay],
    ['reportDueDay', 'Hạn gửi báo cáo', reportDueDay],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 31) {
      throw new ReportingDeadlinesError(
        settings,
        `${name} must be a day of the month from 1 to 31 (got ${value})`,
        `${vi} phải là một ngày trong tháng, từ 1 đến 31 (đang là ${value})`,
      );
    }
  }
  if (reportDueDay < cutoffDay) {
    throw new ReportingDeadlinesError(
      settings,
      `The report cannot be due (day ${reportDueDay}) before its figures are cut off (day ${cutoffDay})`,
      `Hạn gửi báo cáo (ngày ${reportDueDay}) không thể trước ngày chốt số liệu (ngày ${cutoffDay})`,
    );
  }
  return settings;
}

/** Period `index` (1-based) of `year`; the year must stay four digits. */
function periodAt(cadence: PeriodCadence, year: number, index: number): ReportingPeriod {
  if (year < 1000 || year > 9999) {
    throw new RangeError(`Reporting periods are kept for the years 1000 to 9999, not ${year}`);
  }
  const { perYear, suffix } = SHAPES[cadence];
  const monthsPerPeriod = 12 / perYear;
  const firstMonth = (index - 1) * monthsPerPeriod + 1;
  const lastMonth = firstMonth + monthsPerPeriod - 1;
  // Day 0 of the following month is the last day of this one (Date.UTC counts months from 0).
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    id: `${year}${suffix(index)}`,
    cadence,
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

/** `period` moved by `by` periods of its cadence, across year ends. */
function shifted(period: ReportingPeriod, by: number): ReportingPeriod {
  const { perYear } = SHAPES[period.cadence];
  const year = Number(period.start.slice(0, 4));
  const index = (Number(period.start.slice(5, 7)) - 1) / (12 / perYear); // 0-based
  const absolute = year * perYear + index + by;
  return periodAt(period.cadence, Math.floor(absolute / perYear), (absolute % perYear) + 1);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function checkDay(day: CalendarDay): void {
  if (!isCalendarDay(day)) throw new RangeError(`"${day}" is not a calendar day (YYYY-MM-DD)`);
}
