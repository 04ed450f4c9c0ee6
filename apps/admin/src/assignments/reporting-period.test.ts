import { describe, expect, it } from 'vitest';
import { periodOf } from './reporting-period';

describe('the reporting period of a day', () => {
  it.each([
    ['MONTHLY', '2026-11-27', '2026-11'],
    ['QUARTERLY', '2026-11-27', '2026-Q4'],
    ['QUARTERLY', '2026-03-31', '2026-Q1'],
    ['HALF_YEARLY', '2026-06-30', '2026-H1'],
    ['HALF_YEARLY', '2026-07-01', '2026-H2'],
    ['YEARLY', '2026-01-01', '2026'],
    ['NONE', '2026-05-13', '2026-Q2'],
  ])('%s on %s is %s', (cadence, day, period) => {
    expect(periodOf(cadence, day)).toBe(period);
  });
});
