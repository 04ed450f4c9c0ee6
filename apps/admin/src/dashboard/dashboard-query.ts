export const DASHBOARD = `query Dashboard {
  dashboard {
    asOf
    total
    byTimeliness { timeliness count }
    byOrganization { organization { id name shortName } total onTrack dueSoon overdue completedOnTime completedLate cancelled }
  }
}`;

export interface OrganizationTimeliness {
  organization: { id: string; name: string; shortName: string | null } | null;
  total: number;
  onTrack: number;
  dueSoon: number;
  overdue: number;
  completedOnTime: number;
  completedLate: number;
  cancelled: number;
}

export interface DashboardData {
  dashboard: {
    asOf: string;
    total: number;
    byTimeliness: { timeliness: string; count: number }[];
    byOrganization: OrganizationTimeliness[];
  };
}

/** The chart's series, in the order they stack (left to right), with their catalogue key. */
export const CHART_SERIES = [
  { key: 'completedOnTime', timeliness: 'COMPLETED_ON_TIME', color: '#2e7d32' },
  { key: 'completedLate', timeliness: 'COMPLETED_LATE', color: '#7d1114' },
  { key: 'onTrack', timeliness: 'ON_TRACK', color: '#0288d1' },
  { key: 'dueSoon', timeliness: 'DUE_SOON', color: '#ed6c02' },
  { key: 'overdue', timeliness: 'OVERDUE', color: '#d32f2f' },
] as const;

/** Organizations with the most overdue work first, then the most work; the rest after `limit`. */
export function chartRows(rows: readonly OrganizationTimeliness[], limit = 15): OrganizationTimeliness[] {
  return [...rows]
    .filter((row) => row.total - row.cancelled > 0)
    .sort(
      (a, b) =>
        b.overdue - a.overdue ||
        b.total - a.total ||
        (a.organization?.name ?? '').localeCompare(b.organization?.name ?? '', 'vi'),
    )
    .slice(0, limit);
}
