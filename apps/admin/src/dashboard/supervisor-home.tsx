import { Box, Skeleton } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Title, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime, formatDay, todayInVietnam, weekOf } from '../common/dates';
import { useGraphqlQuery } from '../data/use-graphql';
import { ExportMenu } from '../exports/export-menu';
import { DASHBOARD, type DashboardData } from './dashboard-query';
import {
  AssignmentPanel,
  HomeHeading,
  LoadError,
  Panel,
  TimelinessCards,
  WaitingPanel,
} from './home-widgets';

// recharts is large: it comes in its own chunk, after the cards and lists.
const OrganizationChart = lazy(() => import('./organization-chart'));

const OPEN = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETION_REQUESTED'];

/** The Standing Committee's office (and administrators): the whole picture, and what waits for them. */
export const SupervisorHome = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error } = useGraphqlQuery<DashboardData>(['dashboard'], DASHBOARD);
  const week = weekOf(todayInVietnam());
  return (
    <Box sx={{ pb: 2 }}>
      <Title title="ra.page.dashboard" />
      <HomeHeading
        title={translate('app.home.supervisor_title')}
        subtitle={
          data
            ? translate('app.home.as_of', {
                date: formatDateTime(data.dashboard.asOf, locale),
                total: data.dashboard.total,
              })
            : undefined
        }
      />
      {/* Neither a document nor a body: the whole jurisdiction. */}
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', mb: 1 }}>
        <ExportMenu />
      </Box>
      <TimelinessCards data={data} error={error} />
      <Box
        sx={{
          mt: 2,
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 3fr) minmax(0, 2fr)' },
        }}
      >
        <Panel id="chart-heading" title={translate('app.home.chart_title')}>
          {error ? (
            <LoadError error={error} />
          ) : data && data.dashboard.byOrganization.length === 0 ? (
            <p>{translate('app.home.none')}</p>
          ) : (
            <Box role="img" aria-label={translate('app.home.chart_title')}>
              <Suspense fallback={<Skeleton variant="rectangular" height={240} />}>
                {data ? (
                  <OrganizationChart rows={data.dashboard.byOrganization} />
                ) : (
                  <Skeleton variant="rectangular" height={240} />
                )}
              </Suspense>
            </Box>
          )}
        </Panel>
        <Box sx={{ display: 'grid', gap: 2, alignContent: 'start', minWidth: 0 }}>
          <WaitingPanel
            id="reports-to-review"
            title={translate('app.home.reports_to_review')}
            resource="ProgressReport"
            filter={{ status: ['SUBMITTED'] }}
            describe={(record) => translate('app.home.report_period', { period: record.period ?? '' })}
          />
          <WaitingPanel
            id="extensions-to-decide"
            title={translate('app.home.extensions_to_decide')}
            resource="ExtensionRequest"
            filter={{ status: ['PENDING'] }}
            describe={(record) =>
              translate('app.home.proposed_date', { date: formatDay(record.proposedDueDate, locale) })
            }
          />
          <AssignmentPanel
            id="completions-to-decide"
            title={translate('app.home.completions_to_decide')}
            filter={{ status: ['COMPLETION_REQUESTED'] }}
          />
        </Box>
        <AssignmentPanel
          id="overdue-heading"
          title={translate('app.home.overdue_title')}
          filter={{ timeliness: ['OVERDUE'] }}
          perPage={10}
        />
        <AssignmentPanel
          id="due-week-heading"
          title={translate('app.home.due_week_title', {
            from: formatDay(week.from, locale),
            to: formatDay(week.to, locale),
          })}
          filter={{ dueFrom: week.from, dueTo: week.to, status: OPEN }}
          perPage={10}
        />
      </Box>
    </Box>
  );
};
