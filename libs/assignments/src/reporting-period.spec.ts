import fc from 'fast-check';

import { DomainErrorCode, addDays, daysBetween } from '@dondoc/platform';

import { Cadence } from './cadence.js';
import {
  DEFAULT_REPORTING_DEADLINES,
  PeriodFormatError,
  type PeriodCadence,
  ReportingDeadlinesError,
  checkReportingDeadlines,
  firstReportDue,
  firstReportPeriod,
  nextPeriod,
  parsePeriod,
  periodOf,
  previousPeriod,
  reportDeadlines,
  reportDueAfter,
} from './reporting-period.js';

const PERIOD_CADENCES: PeriodCadence[] = [
  Cadence.MONTHLY,
  Cadence.QUARTERLY,
  Cadence.HALF_YEARLY,
  Cadence.YEARLY,
];

describe('reporting period ids', () => {
  it.each([
    ['2026-11', Cadence.MONTHLY, '2026-11-01', '2026-11-30'],
    ['2026-02', Cadence.MONTHLY, '2026-02-01', '2026-02-28'],
    ['2028-02', Cadence.MONTHLY, '2028-02-01', '2028-02-29'],
    ['2026-Q1', Cadence.QUARTERLY, '2026-01-01', '2026-03-31'],
    ['2026-Q4', Cadence.QUARTERLY, '2026-10-01', '2026-12-31'],
    ['2026-H1', Cadence.HALF_YEARLY, '2026-01-01', '2026-06-30'],
    ['2026-H2', Cadence.HALF_YEARLY, '2026-07-01', '2026-12-31'],
    ['2026', Cadence.YEARLY, '2026-01-01', '2026-12-31'],
  ])('%s is the %s period from %s to %s', (id, cadence, start, end) => {
    expect(parsePeriod(id)).toEqual({ id, cadence, start, end });
  });

  it('refuses a quarter that does not exist, saying what to write', () => {
    expect(() => parsePeriod('2026-Q5')).toThrow(new PeriodFormatError('2026-Q5'));
    expect(() => parsePeriod('2026-Q5')).toThrow(
      '2026-Q5 is not a reporting period: use 2026-11, 2026-Q4, 2026-H2 or 2026',
    );
  });

  it.each([
    '2026-13',
    '2026-00',
    '2026-1',
    '26-Q4',
    '2026-q4',
    '2026-H3',
    '2026-H0',
    ' 2026',
    '2026 ',
    '0999',
    '2026-W01',
    '',
  ])('refuses %j as bad input', (text) => {
    let thrown: unknown;
    try {
      parsePeriod(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PeriodFormatError);
    expect(thrown).toMatchObject({ code: DomainErrorCode.BAD_USER_INPUT, text });
    expect((thrown as PeriodFormatError).message).toMatch(/is not a reporting period: use 2026-11/);
  });
});

describe('the period of a day', () => {
  it.each([
    [Cadence.MONTHLY, '2026-12-31', '2026-12'],
    [Cadence.MONTHLY, '2027-01-01', '2027-01'],
    [Cadence.MONTHLY, '2028-02-29', '2028-02'],
    [Cadence.QUARTERLY, '2026-12-31', '2026-Q4'],
    [Cadence.QUARTERLY, '2027-01-01', '2027-Q1'],
    [Cadence.QUARTERLY, '2026-04-01', '2026-Q2'],
    [Cadence.HALF_YEARLY, '2026-06-30', '2026-H1'],
    [Cadence.HALF_YEARLY, '2026-07-01', '2026-H2'],
    [Cadence.YEARLY, '2026-12-31', '2026'],
  ])('%s holding %s is %s', (cadence, day, id) => {
    expect(periodOf(cadence, day)?.id).toBe(id);
  });

  it('is none for work without a cadence', () => {
    expect(periodOf(Cadence.NONE, '2026-12-31')).toBeNull();
  });

  it('refuses a day that does not exist', () => {
    expect(() => periodOf(Cadence.MONTHLY, '2026-02-29')).toThrow(/not a calendar day/);
  });
});

describe('the periods before and after', () => {
  it.each([
    ['2026-12', '2026-11', '2027-01'],
    ['2027-01', '2026-12', '2027-02'],
    ['2026-Q4', '2026-Q3', '2027-Q1'],
    ['2027-Q1', '2026-Q4', '2027-Q2'],
    ['2026-H2', '2026-H1', '2027-H1'],
    ['2027-H1', '2026-H2', '2027-H2'],
    ['2026', '2025', '2027'],
  ])('%s comes after %s and before %s', (id, previous, next) => {
    expect(previousPeriod(parsePeriod(id)).id).toBe(previous);
    expect(nextPeriod(parsePeriod(id)).id).toBe(next);
  });
});

describe('cut-off and report due days', () => {
  it('by default cuts off on the 14th and asks for the report on the 20th of the last month', () => {
    expect(reportDeadlines(parsePeriod('2026-Q4'))).toEqual({ cutoff: '2026-12-14', due: '2026-12-20' });
    expect(reportDeadlines(parsePeriod('2026-H1'))).toEqual({ cutoff: '2026-06-14', due: '2026-06-20' });
    expect(reportDeadlines(parsePeriod('2026'))).toEqual({ cutoff: '2026-12-14', due: '2026-12-20' });
    expect(reportDeadlines(parsePeriod('2026-11'))).toEqual({ cutoff: '2026-11-14', due: '2026-11-20' });
  });

  it('follows the settings of the document', () => {
    expect(reportDeadlines(parsePeriod('2026-Q3'), { cutoffDay: 10, reportDueDay: 15 })).toEqual({
      cutoff: '2026-09-10',
      due: '2026-09-15',
    });
  });

  it('clamps a day past the end of the month to its last day, leap years included', () => {
    const endOfMonth = { cutoffDay: 30, reportDueDay: 31 };
    expect(reportDeadlines(parsePeriod('2026-02'), endOfMonth)).toEqual({
      cutoff: '2026-02-28',
      due: '2026-02-28',
    });
    expect(reportDeadlines(parsePeriod('2028-02'), endOfMonth)).toEqual({
      cutoff: '2028-02-29',
      due: '2028-02-29',
    });
    expect(reportDeadlines(parsePeriod('2026-H1'), endOfMonth)).toEqual({
      cutoff: '2026-06-30',
      due: '2026-06-30',
    });
    expect(reportDeadlines(parsePeriod('2026-Q4'), endOfMonth)).toEqual({
      cutoff: '2026-12-30',
      due: '2026-12-31',
    });
  });

  it.each([
    [{ cutoffDay: 0, reportDueDay: 20 }, /cutoffDay must be a day of the month from 1 to 31 \(got 0\)/],
    [{ cutoffDay: 14, reportDueDay: 32 }, /reportDueDay must be a day of the month from 1 to 31 \(got 32\)/],
    [{ cutoffDay: 14.5, reportDueDay: 20 }, /cutoffDay must be a day/],
    [{ cutoffDay: Number.NaN, reportDueDay: 20 }, /cutoffDay must be a day/],
    [
      { cutoffDay: 20, reportDueDay: 14 },
      /cannot be due \(day 14\) before its figures are cut off \(day 20\)/,
    ],
  ])('refuses %j', (settings, message) => {
    expect(() => checkReportingDeadlines(settings)).toThrow(ReportingDeadlinesError);
    expect(() => reportDeadlines(parsePeriod('2026-Q4'), settings)).toThrow(message);
  });

  it('accepts the first and the last day of a month, and one day for both', () => {
    expect(checkReportingDeadlines({ cutoffDay: 1, reportDueDay: 31 })).toEqual({
      cutoffDay: 1,
      reportDueDay: 31,
    });
    expect(checkReportingDeadlines({ cutoffDay: 14, reportDueDay: 14 })).toEqual({
      cutoffDay: 14,
      reportDueDay: 14,
    });
  });
});

describe('when reports of continuous work fall due', () => {
  it('asks for the first report in the period the work starts, when it starts before the cut-off', () => {
    expect(firstReportDue(Cadence.QUARTERLY, '2026-01-05')).toBe('2026-03-20');
    expect(firstReportDue(Cadence.QUARTERLY, '2026-03-14')).toBe('2026-03-20');
    expect(firstReportDue(Cadence.MONTHLY, '2026-11-01')).toBe('2026-11-20');
  });

  it('asks for it one period later when the work starts after the cut-off', () => {
    expect(firstReportPeriod(Cadence.QUARTERLY, '2026-03-15')?.id).toBe('2026-Q2');
    expect(firstReportDue(Cadence.QUARTERLY, '2026-03-15')).toBe('2026-06-20');
    expect(firstReportDue(Cadence.QUARTERLY, '2026-12-25')).toBe('2027-03-20');
    expect(firstReportDue(Cadence.YEARLY, '2026-12-15')).toBe('2027-12-20');
    expect(firstReportDue(Cadence.HALF_YEARLY, '2026-06-21')).toBe('2026-12-20');
  });

  it('uses the settings of the document, clamped in February', () => {
    expect(firstReportDue(Cadence.MONTHLY, '2028-02-10', { cutoffDay: 14, reportDueDay: 31 })).toBe(
      '2028-02-29',
    );
    expect(firstReportDue(Cadence.MONTHLY, '2028-01-31', { cutoffDay: 31, reportDueDay: 31 })).toBe(
      '2028-01-31',
    );
  });

  it('asks for none without a cadence', () => {
    expect(firstReportPeriod(Cadence.NONE, '2026-03-15')).toBeNull();
    expect(firstReportDue(Cadence.NONE, '2026-03-15')).toBeNull();
  });

  it('moves to the next period once a report is submitted', () => {
    expect(reportDueAfter('2026-Q4')).toBe('2027-03-20');
    expect(reportDueAfter('2026-12')).toBe('2027-01-20');
    expect(reportDueAfter('2027-01', { cutoffDay: 25, reportDueDay: 30 })).toBe('2027-02-28');
    expect(reportDueAfter('2026-H2')).toBe('2027-06-20');
    expect(reportDueAfter('2026')).toBe('2027-12-20');
    expect(() => reportDueAfter('2026-Q5')).toThrow(PeriodFormatError);
  });
});

describe('periods tile the calendar', () => {
  const FIRST = '1990-01-01';
  const dayArb = fc.integer({ min: 0, max: daysBetween(FIRST, '2100-12-31') }).map((n) => addDays(FIRST, n));
  const cadenceArb = fc.constantFrom(...PERIOD_CADENCES);
  // Months per period and the shortest and longest period, in days.
  const SIZE: Record<PeriodCadence, { months: number; min: number; max: number }> = {
    [Cadence.MONTHLY]: { months: 1, min: 28, max: 31 },
    [Cadence.QUARTERLY]: { months: 3, min: 90, max: 92 },
    [Cadence.HALF_YEARLY]: { months: 6, min: 181, max: 184 },
    [Cadence.YEARLY]: { months: 12, min: 365, max: 366 },
  };

  it('puts every day in a period that reads back from its id, with neighbours right beside it', () => {
    fc.assert(
      fc.property(cadenceArb, dayArb, (cadence, day) => {
        const period = periodOf(cadence, day);
        expect(period.start <= day && day <= period.end).toBe(true);
        expect(parsePeriod(period.id)).toEqual(period);
        expect((Number(period.start.slice(5, 7)) - 1) % SIZE[cadence].months).toBe(0);
        expect(period.start.slice(8)).toBe('01');
        const length = daysBetween(period.start, period.end) + 1;
        expect(length).toBeGreaterThanOrEqual(SIZE[cadence].min);
        expect(length).toBeLessThanOrEqual(SIZE[cadence].max);
        expect(nextPeriod(period).start).toBe(addDays(period.end, 1));
        expect(previousPeriod(period).end).toBe(addDays(period.start, -1));
        expect(nextPeriod(previousPeriod(period))).toEqual(period);
      }),
      { numRuns: 1_000 },
    );
  });

  it('changes period exactly at the day after a period ends, day by day', () => {
    fc.assert(
      fc.property(cadenceArb, dayArb, (cadence, from) => {
        let period = periodOf(cadence, from);
        for (let day = from, n = 0; n < 800; day = addDays(day, 1), n++) {
          const holding = periodOf(cadence, day);
          if (holding.id !== period.id) {
            // A new period starts only the day after the old one ended, and it is the next one.
            expect(addDays(period.end, 1)).toBe(day);
            expect(holding).toEqual(nextPeriod(period));
            period = holding;
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('never asks for the first report before the work starts', () => {
    const settingsArb = fc
      .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 31 }))
      .map(([a, b]) => ({ cutoffDay: Math.min(a, b), reportDueDay: Math.max(a, b) }));
    fc.assert(
      fc.property(cadenceArb, dayArb, settingsArb, (cadence, startDay, settings) => {
        const due = firstReportDue(cadence, startDay, settings)!;
        expect(due >= startDay).toBe(true);
        const period = firstReportPeriod(cadence, startDay, settings)!;
        const { cutoff } = reportDeadlines(period, settings);
        // The report due is the one of the first period whose figures the work can be in.
        expect(startDay <= cutoff).toBe(true);
        expect(startDay > reportDeadlines(previousPeriod(period), settings).cutoff).toBe(true);
        expect(reportDueAfter(previousPeriod(period).id, settings)).toBe(due);
      }),
      { numRuns: 1_000 },
    );
  });

  it('keeps the defaults of Decree 09/2019/NĐ-CP', () => {
    expect(DEFAULT_REPORTING_DEADLINES).toEqual({ cutoffDay: 14, reportDueDay: 20 });
  });
});
