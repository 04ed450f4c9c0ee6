import { Cadence } from '../cadence.js';
import { DEFAULT_REPORTING_DEADLINES, type PeriodCadence } from '../reporting-period.js';
import { frozenCadences, lastCutOffPeriod, reminderThreshold } from './period-schedule.js';

describe('the periods a sweep acts on', () => {
  it('freezes the current period from its cut-off day on, and the previous one before that', () => {
    const at = (day: string, cadence: PeriodCadence = Cadence.QUARTERLY) =>
      lastCutOffPeriod(cadence, day, DEFAULT_REPORTING_DEADLINES).id;
    expect(at('2026-12-13')).toBe('2026-Q3');
    expect(at('2026-12-14')).toBe('2026-Q4');
    expect(at('2027-01-05')).toBe('2026-Q4');
    expect(at('2027-01-05', Cadence.MONTHLY)).toBe('2026-12');
    expect(at('2027-01-14', Cadence.MONTHLY)).toBe('2027-01');
    expect(at('2027-06-13', Cadence.HALF_YEARLY)).toBe('2026-H2');
    expect(at('2027-12-14', Cadence.YEARLY)).toBe('2027');
    expect(lastCutOffPeriod(Cadence.QUARTERLY, '2027-03-09', { cutoffDay: 10, reportDueDay: 15 }).id).toBe(
      '2026-Q4',
    );
    expect(lastCutOffPeriod(Cadence.QUARTERLY, '2027-03-10', { cutoffDay: 10, reportDueDay: 15 }).id).toBe(
      '2027-Q1',
    );
  });

  it('freezes work without a cadence in quarters, and work with one in its own periods', () => {
    expect(frozenCadences(Cadence.QUARTERLY)).toEqual([Cadence.QUARTERLY, Cadence.NONE]);
    expect(frozenCadences(Cadence.MONTHLY)).toEqual([Cadence.MONTHLY]);
    expect(frozenCadences(Cadence.YEARLY)).toEqual([Cadence.YEARLY]);
  });

  it('reminds of a report in the windows of the due-date reminders', () => {
    const days = [7, 1];
    expect([8, 7, 2, 1, 0, -1].map((left) => reminderThreshold(left, days))).toEqual([
      null,
      7,
      7,
      1,
      1,
      null,
    ]);
    expect(reminderThreshold(3, [])).toBeNull();
    expect(reminderThreshold(3, [1, 14, 3])).toBe(3);
  });
});
