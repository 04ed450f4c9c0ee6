import { describe, expect, it } from 'vitest';
import { chartRows, type OrganizationTimeliness } from './dashboard-query';

const row = (name: string, counts: Partial<OrganizationTimeliness>): OrganizationTimeliness => ({
  organization: { id: name, name, shortName: null },
  total: 0,
  onTrack: 0,
  dueSoon: 0,
  overdue: 0,
  completedOnTime: 0,
  completedLate: 0,
  cancelled: 0,
  ...counts,
});

describe('the organizations chart', () => {
  it('puts the most overdue bodies first, then the busiest, and drops bodies with only cancelled work', () => {
    const rows = chartRows([
      row('Tỉnh đoàn', { total: 5, onTrack: 5 }),
      row('Hội Nông dân', { total: 3, overdue: 2, onTrack: 1 }),
      row('Hội LHPN', { total: 9, overdue: 2, onTrack: 7 }),
      row('Hội CCB', { total: 1, cancelled: 1 }),
    ]);
    expect(rows.map((entry) => entry.organization?.name)).toEqual(['Hội LHPN', 'Hội Nông dân', 'Tỉnh đoàn']);
  });

  it('keeps at most the limit', () => {
    const rows = Array.from({ length: 20 }, (_, index) => row(`Đơn vị ${index}`, { total: 1, onTrack: 1 }));
    expect(chartRows(rows, 15)).toHaveLength(15);
  });
});
