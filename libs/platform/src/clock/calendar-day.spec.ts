import { addDays, calendarDayOf, daysBetween, isCalendarDay } from './calendar-day.js';

describe('calendar days in Asia/Ho_Chi_Minh', () => {
  it('puts an instant late on a UTC day on the next Vietnamese day', () => {
    expect(calendarDayOf(new Date('2026-06-30T17:30:00Z'))).toBe('2026-07-01');
    expect(calendarDayOf(new Date('2026-06-30T16:59:59Z'))).toBe('2026-06-30');
  });

  it('counts days across month and year ends', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('refuses days that do not exist', () => {
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(() => daysBetween('2026-13-01', '2026-01-01')).toThrow(/not a calendar day/);
  });
});
