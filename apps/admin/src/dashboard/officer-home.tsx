import { Box } from '@mui/material';
import { Title, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../common/dates';
import { useGraphqlQuery } from '../data/use-graphql';
import { DASHBOARD, type DashboardData } from './dashboard-query';
import { AssignmentPanel, HomeHeading, TimelinessCards, WaitingPanel } from './home-widgets';

/**
 * An assignee body's officer: their own work by timeliness, the reports to send (opened by
 * the period sweep, or returned), and their requests. Every report is one click away.
 */
export const OfficerHome = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  const { data, error } = useGraphqlQuery<DashboardData>(['dashboard'], DASHBOARD);
  const organization = (identity?.organization as { name?: string } | undefined)?.name;
  return (
    <Box sx={{ pb: 2 }}>
      <Title title="ra.page.dashboard" />
      <HomeHeading title={translate('app.home.officer_title')} subtitle={organization} />
      <TimelinessCards data={data} error={error} />
      <Box
        sx={{
          mt: 2,
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'repeat(2, minmax(0, 1fr))' },
        }}
      >
        <WaitingPanel
          id="reports-returned"
          title={translate('app.home.reports_returned')}
          resource="ProgressReport"
          filter={{ status: ['RETURNED'] }}
          describe={(record) => translate('app.home.report_period', { period: record.period ?? '' })}
          action={{
            label: 'app.assignment.resubmit',
            query: (record) => `action=report&period=${encodeURIComponent(record.period ?? '')}`,
          }}
        />
        <WaitingPanel
          id="reports-due"
          title={translate('app.home.reports_due')}
          resource="ProgressReport"
          filter={{ status: ['DRAFT'] }}
          describe={(record) => translate('app.home.report_period', { period: record.period ?? '' })}
          action={{
            label: 'app.home.write_report',
            query: (record) => `action=report&period=${encodeURIComponent(record.period ?? '')}`,
          }}
        />
        <AssignmentPanel
          id="my-open-work"
          title={translate('app.home.open_work')}
          filter={{ status: ['NOT_STARTED', 'IN_PROGRESS'] }}
          action={{ label: 'app.home.write_report', query: 'action=report' }}
        />
        <AssignmentPanel
          id="my-overdue"
          title={translate('app.home.overdue_title')}
          filter={{ timeliness: ['OVERDUE'] }}
          action={{ label: 'app.home.write_report', query: 'action=report' }}
        />
        <WaitingPanel
          id="my-extensions"
          title={translate('app.home.my_extensions')}
          resource="ExtensionRequest"
          filter={{}}
          describe={(record) =>
            `${translate('app.home.proposed_date', { date: formatDay(record.proposedDueDate, locale) })} — ${translate(`domain.extension_status.${record.status}`)}`
          }
        />
        <AssignmentPanel
          id="my-completions"
          title={translate('app.home.my_completions')}
          filter={{ status: ['COMPLETION_REQUESTED'] }}
        />
      </Box>
    </Box>
  );
};
