import { describe, expect, it } from 'vitest';
import { bucketByDay, monthGrid, monthRange } from './month-grid';

describe('the month grid', () => {
  it('starts on a Monday and covers the month in whole weeks', () => {
    const weeks = monthGrid(2026, 4); // April 2026 starts on a Wednesday
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]).toEqual({ day: '2026-03-30', inMonth: false });
    expect(weeks[0]?.[2]).toEqual({ day: '2026-04-01', inMonth: true });
    expect(weeks.at(-1)?.at(-1)).toEqual({ day: '2026-05-03', inMonth: false });
    expect(weeks.flat().filter((cell) => cell.inMonth)).toHaveLength(30);
  });

  it('a February starting on a Monday fills exactly four weeks', () => {
    expect(monthGrid(2027, 2)).toHaveLength(4);
  });

  it('knows the last day of the month, leap years included', () => {
    expect(monthRange(2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange(2026, 12)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});

describe('bucketing due dates and report dates', () => {
  const range = { from: '2026-04-01', to: '2026-04-30' };
  const items = [
    { id: 'a', dueDate: '2026-04-15', nextReportDue: '2026-04-20' },
    { id: 'b', dueDate: '2026-04-15', nextReportDue: null },
    { id: 'c', dueDate: '2026-05-02', nextReportDue: '2026-04-20' },
    { id: 'd', dueDate: null, nextReportDue: null },
  ];

  it('puts each item under its due day and its report day, within the month only', () => {
    const buckets = bucketByDay(
      items,
      (item) => ({ dueDate: item.dueDate, reportDate: item.nextReportDue }),
      range,
    );
    expect([...buckets.keys()].sort()).toEqual(['2026-04-15', '2026-04-20']);
    expect(buckets.get('2026-04-15')?.map(({ kind, item }) => `${kind}:${item.id}`)).toEqual([
      'due:a',
      'due:b',
    ]);
    expect(buckets.get('2026-04-20')?.map(({ kind, item }) => `${kind}:${item.id}`)).toEqual([
      'report:a',
      'report:c',
    ]);
  });
});
