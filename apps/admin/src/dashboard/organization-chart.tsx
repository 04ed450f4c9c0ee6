import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslate } from 'react-admin';
import { CHART_SERIES, chartRows, type OrganizationTimeliness } from './dashboard-query';

/**
 * Organizations by timeliness, one stacked bar each. Loaded on its own (React.lazy), so
 * recharts stays out of the main chunk.
 */
const OrganizationChart = ({ rows }: { rows: readonly OrganizationTimeliness[] }) => {
  const translate = useTranslate();
  const data = chartRows(rows).map((row) => ({
    ...row,
    name: row.organization?.shortName ?? row.organization?.name ?? '',
  }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, 44 * data.length + 60)}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        {CHART_SERIES.map((series) => (
          <Bar
            key={series.key}
            dataKey={series.key}
            stackId="timeliness"
            fill={series.color}
            isAnimationActive={false}
            name={translate(`domain.timeliness.${series.timeliness}`)}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
};

export default OrganizationChart;
