import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, todayInVietnam, weekOf } from './dates';

describe('calendar days', () => {
  it('today is judged in Vietnam: 20:00 UTC is already the next day there', () => {
    expect(todayInVietnam(new Date('2026-03-31T20:00:00Z'))).toBe('2026-04-01');
    expect(todayInVietnam(new Date('2026-03-31T16:59:00Z'))).toBe('2026-03-31');
  });

  it('a week runs Monday to Sunday, across a month end', () => {
    expect(weekOf('2026-04-01')).toEqual({ from: '2026-03-30', to: '2026-04-05' });
    expect(weekOf('2026-04-05')).toEqual({ from: '2026-03-30', to: '2026-04-05' });
  });

  it('adds and counts days across a leap day', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});
