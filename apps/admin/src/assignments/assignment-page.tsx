import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { Link, Loading, Title, useLocaleState, useTranslate } from 'react-admin';
import { useParams, useSearchParams } from 'react-router-dom';
import { useAllowed } from '../auth/use-allowed';
import { ActionDialog } from '../common/action-dialog';
import { formatDateTime, formatDay } from '../common/dates';
import { TimelinessChip } from '../common/fields';
import { errorDetails } from '../data/graphql-errors';
import { useGraphqlQuery } from '../data/use-graphql';
import { graphqlRequest } from '../providers';
import {
  type ActionSpec,
  cancelAssignmentAction,
  decideCompletionAction,
  decideExtensionAction,
  recordInspectionAction,
  requestCompletionAction,
  requestExtensionAction,
  resolveInspectionAction,
  reviewReportAction,
  submitReportAction,
} from './assignment-actions';
import {
  ASSIGNMENT_AUDIT,
  ASSIGNMENT_INSPECTIONS,
  ASSIGNMENT_PAGE,
  type AssignmentPageAnswer,
  type AssignmentPageData,
  type AuditEventData,
  type InspectionData,
} from './assignment-queries';
import { sourcePassage } from './source-passage';
import { buildTimeline, type TimelineEntry } from './timeline';

const ACTIONS = [
  'submit_report',
  'review_report',
  'request_extension',
  'decide_extension',
  'request_completion',
  'decide_completion',
  'record_inspection',
  'cancel',
] as const;
const OPEN_STATUSES = ['NOT_STARTED', 'IN_PROGRESS'];
const AUDIT_ACTIONS = ['list'] as const;

/**
 * The assignment page: the task and where it comes from, what happened so far, and the
 * actions the caller's role allows. `?action=report` or `?action=inspection` opens that
 * dialog at once, so a home's "report" and "record a finding" are one click away.
 */
export const AssignmentPage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [searchParams, setSearchParams] = useSearchParams();
  const allowed = useAllowed('Assignment', ACTIONS);
  const audit = useAllowed('AuditEvent', AUDIT_ACTIONS);
  const page = useGraphqlQuery<AssignmentPageAnswer>(['assignment', id], ASSIGNMENT_PAGE, { id });
  const auditEvents = useGraphqlQuery<{ allAuditEvents: AuditEventData[] }>(
    ['assignment-audit', id],
    ASSIGNMENT_AUDIT,
    { id },
    { enabled: audit.list },
  );
  const inspections = useGraphqlQuery<{ allInspections: InspectionData[] }>(
    ['assignment-inspections', id],
    ASSIGNMENT_INSPECTIONS,
    { id },
    { retry: false },
  );
  const [dialog, setDialog] = useState<ActionSpec | null>(null);

  const assignment: AssignmentPageData | null = useMemo(
    () =>
      page.data?.Assignment
        ? {
            ...page.data.Assignment,
            progressReports: page.data.allProgressReports,
            extensionRequests: page.data.allExtensionRequests,
          }
        : null,
    [page.data],
  );
  const reload = () => {
    void page.refetch();
    // refetch() ignores `enabled`: only those who may read the audit trail ask for it.
    if (audit.list) void auditEvents.refetch();
    void inspections.refetch();
  };

  const timeline = useMemo(
    () =>
      buildTimeline({
        reports: assignment?.progressReports,
        extensions: assignment?.extensionRequests,
        inspections: inspections.data?.allInspections,
        auditEvents: auditEvents.data?.allAuditEvents,
      }),
    [assignment, inspections.data, auditEvents.data],
  );

  // The action asked for in the address opens once the page knows the assignment and the rights.
  const wanted = searchParams.get('action');
  useEffect(() => {
    if (!assignment || !wanted) return;
    const period = searchParams.get('period') ?? undefined;
    const spec =
      wanted === 'report' && allowed.submit_report
        ? submitReportAction(graphqlRequest, assignment, period)
        : wanted === 'inspection' && allowed.record_inspection
          ? recordInspectionAction(graphqlRequest, assignment.id)
          : null;
    if (spec) {
      setDialog(spec);
      setSearchParams({}, { replace: true });
    }
  }, [assignment, wanted, allowed.submit_report, allowed.record_inspection, searchParams, setSearchParams]);

  if (page.isPending) return <Loading />;
  if (page.error || !assignment) {
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        {page.error ? errorDetails(page.error).message : translate('ra.page.not_found')}
      </Alert>
    );
  }

  const open = OPEN_STATUSES.includes(assignment.status);
  const pendingExtension = assignment.extensionRequests.find((request) => request.status === 'PENDING');
  const returned = assignment.progressReports.find((report) => report.status === 'RETURNED');
  const passage = assignment.task?.document
    ? sourcePassage(assignment.task.document.text, assignment.task.spanStart, assignment.task.spanEnd)
    : null;
  const day = (value: string | null) => formatDay(value, locale) || translate('app.assignment.no_due_date');

  const actionButtons: { spec: ActionSpec; show: boolean; variant?: 'contained' | 'outlined' }[] = [
    {
      spec: submitReportAction(graphqlRequest, assignment, returned?.period),
      show: allowed.submit_report && open,
      variant: 'contained',
    },
    {
      spec: requestExtensionAction(graphqlRequest, assignment),
      show: allowed.request_extension && open && !pendingExtension,
    },
    { spec: requestCompletionAction(graphqlRequest, assignment), show: allowed.request_completion && open },
    {
      spec: decideCompletionAction(graphqlRequest, assignment, true),
      show: allowed.decide_completion && assignment.status === 'COMPLETION_REQUESTED',
      variant: 'contained',
    },
    {
      spec: decideCompletionAction(graphqlRequest, assignment, false),
      show: allowed.decide_completion && assignment.status === 'COMPLETION_REQUESTED',
    },
    {
      spec: recordInspectionAction(graphqlRequest, assignment.id),
      show: allowed.record_inspection && assignment.status !== 'CANCELLED',
    },
  ];
  actionButtons.push({
    spec: cancelAssignmentAction(graphqlRequest, assignment),
    show: allowed.cancel && !['COMPLETED', 'CANCELLED'].includes(assignment.status),
  });
  const visibleActions = actionButtons.filter(({ show }) => show);

  return (
    <Box
      sx={{
        mt: 2,
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 2fr) minmax(0, 1fr)' },
      }}
    >
      <Title title="app.assignment.title" />
      <Stack spacing={2} sx={{ minWidth: 0 }}>
        <Card>
          <CardHeader
            title={translate('app.assignment.heading', {
              number: assignment.task?.number ?? '',
              organization: assignment.organization?.name ?? '',
            })}
            subheader={translate(`domain.assignment_role.${assignment.role}`)}
            slotProps={{ title: { component: 'h1', variant: 'h5' } }}
          />
          <CardContent>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
              <TimelinessChip value={assignment.timeliness} />
              <Chip
                size="small"
                variant="outlined"
                label={translate(`domain.assignment_status.${assignment.status}`)}
              />
              {assignment.daysOverdue > 0 && (
                <Chip
                  size="small"
                  color="error"
                  variant="outlined"
                  label={translate('app.home.days_overdue', { smart_count: assignment.daysOverdue })}
                />
              )}
            </Stack>
            <Typography component="h2" variant="subtitle2" sx={{ color: 'text.secondary' }}>
              {translate('app.assignment.task')}
            </Typography>
            <Typography sx={{ whiteSpace: 'pre-wrap', mb: 2 }}>{assignment.task?.text}</Typography>
            <Box
              component="dl"
              sx={{
                display: 'grid',
                gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' },
                columnGap: 3,
                rowGap: 0.5,
                m: 0,
              }}
            >
              <Fact
                label={translate('resources.Assignment.fields.dueDate')}
                value={day(assignment.dueDate)}
              />
              <Fact
                label={translate('resources.Assignment.fields.baselineDueDate')}
                value={day(assignment.baselineDueDate)}
              />
              <Fact
                label={translate('resources.Assignment.fields.cadence')}
                value={translate(`domain.cadence.${assignment.cadence}`)}
              />
              {assignment.nextReportDue && (
                <Fact
                  label={translate('resources.Assignment.fields.nextReportDue')}
                  value={day(assignment.nextReportDue)}
                />
              )}
              <Fact
                label={translate('resources.Assignment.fields.assignedBy')}
                value={assignment.assignedBy?.name ?? ''}
              />
              {assignment.completionSummary && (
                <Fact
                  label={translate('resources.Assignment.fields.completionSummary')}
                  value={assignment.completionSummary}
                />
              )}
              {assignment.cancelReason && (
                <Fact
                  label={translate('resources.Assignment.fields.cancelReason')}
                  value={assignment.cancelReason}
                />
              )}
            </Box>
            <Box sx={{ mt: 2 }}>
              <Typography variant="body2" id="percent-label">
                {translate('resources.Assignment.fields.percentComplete')}: {assignment.percentComplete}%
              </Typography>
              <LinearProgress
                variant="determinate"
                value={assignment.percentComplete}
                aria-labelledby="percent-label"
              />
            </Box>
          </CardContent>
        </Card>

        {passage && assignment.task?.document && (
          <Card component="section" aria-labelledby="source-heading">
            <CardContent>
              <Typography id="source-heading" component="h2" variant="h6" gutterBottom>
                {translate('app.assignment.source', {
                  document: assignment.task.document.number ?? assignment.task.document.title ?? '',
                })}
              </Typography>
              <Typography
                component="blockquote"
                sx={{ m: 0, pl: 2, borderLeft: 4, borderColor: 'divider', whiteSpace: 'pre-wrap' }}
              >
                {passage.before}
                <Box component="mark" sx={{ bgcolor: '#fff1b8', color: 'inherit' }}>
                  {passage.passage}
                </Box>
                {passage.after}
              </Typography>
              <Button component={Link} to={`/Document/${assignment.task.document.id}/show`} sx={{ mt: 1 }}>
                {translate('app.assignment.open_document')}
              </Button>
            </CardContent>
          </Card>
        )}

        <Card component="section" aria-labelledby="reports-heading">
          <CardContent>
            <Typography id="reports-heading" component="h2" variant="h6" gutterBottom>
              {translate('app.assignment.reports')}
            </Typography>
            {assignment.progressReports.length === 0 && (
              <Typography color="text.secondary">{translate('app.assignment.no_reports')}</Typography>
            )}
            <List disablePadding>
              {assignment.progressReports.map((report) => (
                <ListItem key={report.id} divider alignItems="flex-start" sx={{ flexWrap: 'wrap', gap: 1 }}>
                  <ListItemText
                    sx={{ minWidth: 0, flex: '1 1 240px' }}
                    primary={translate('app.assignment.report_line', {
                      period: report.period,
                      percent: report.percentComplete,
                      status: translate(`domain.report_status.${report.status}`),
                    })}
                    secondary={
                      <>
                        {report.results && <span style={{ display: 'block' }}>{report.results}</span>}
                        {report.difficulties && (
                          <span style={{ display: 'block' }}>
                            {translate('app.assignment.fields.difficulties')}: {report.difficulties}
                          </span>
                        )}
                        {report.proposals && (
                          <span style={{ display: 'block' }}>
                            {translate('app.assignment.fields.proposals')}: {report.proposals}
                          </span>
                        )}
                        {report.reviewComment && (
                          <span style={{ display: 'block' }}>
                            {translate('app.assignment.fields.comment')}: {report.reviewComment}
                          </span>
                        )}
                      </>
                    }
                  />
                  {allowed.review_report && report.status === 'SUBMITTED' && (
                    <Stack direction="row" spacing={1}>
                      <Button
                        variant="contained"
                        onClick={() => setDialog(reviewReportAction(graphqlRequest, report.id, 'ACCEPT'))}
                      >
                        {translate('app.assignment.accept')}
                      </Button>
                      <Button
                        variant="outlined"
                        onClick={() => setDialog(reviewReportAction(graphqlRequest, report.id, 'RETURN'))}
                      >
                        {translate('app.assignment.return')}
                      </Button>
                    </Stack>
                  )}
                  {allowed.submit_report && report.status === 'RETURNED' && open && (
                    <Button
                      variant="outlined"
                      onClick={() => setDialog(submitReportAction(graphqlRequest, assignment, report.period))}
                    >
                      {translate('app.assignment.resubmit')}
                    </Button>
                  )}
                </ListItem>
              ))}
            </List>
          </CardContent>
        </Card>

        {assignment.extensionRequests.length > 0 && (
          <Card component="section" aria-labelledby="extensions-heading">
            <CardContent>
              <Typography id="extensions-heading" component="h2" variant="h6" gutterBottom>
                {translate('app.assignment.extensions')}
              </Typography>
              <List disablePadding>
                {assignment.extensionRequests.map((request) => (
                  <ListItem key={request.id} divider sx={{ flexWrap: 'wrap', gap: 1 }}>
                    <ListItemText
                      sx={{ minWidth: 0, flex: '1 1 240px' }}
                      primary={translate('app.assignment.extension_line', {
                        date: formatDay(request.proposedDueDate, locale),
                        status: translate(`domain.extension_status.${request.status}`),
                      })}
                      secondary={[request.reason, request.comment].filter(Boolean).join(' — ')}
                    />
                    {allowed.decide_extension && request.status === 'PENDING' && (
                      <Stack direction="row" spacing={1}>
                        <Button
                          variant="contained"
                          onClick={() => setDialog(decideExtensionAction(graphqlRequest, request.id, true))}
                        >
                          {translate('app.assignment.approve')}
                        </Button>
                        <Button
                          variant="outlined"
                          onClick={() => setDialog(decideExtensionAction(graphqlRequest, request.id, false))}
                        >
                          {translate('app.assignment.reject')}
                        </Button>
                      </Stack>
                    )}
                  </ListItem>
                ))}
              </List>
            </CardContent>
          </Card>
        )}
        {(inspections.data?.allInspections.length ?? 0) > 0 && (
          <Card component="section" aria-labelledby="inspections-heading">
            <CardContent>
              <Typography id="inspections-heading" component="h2" variant="h6" gutterBottom>
                {translate('app.assignment.inspections')}
              </Typography>
              <List disablePadding>
                {inspections.data?.allInspections.map((inspection) => (
                  <ListItem key={inspection.id} divider sx={{ flexWrap: 'wrap', gap: 1 }}>
                    <ListItemText
                      sx={{ minWidth: 0, flex: '1 1 240px' }}
                      primary={inspection.finding}
                      secondary={[
                        translate(`domain.inspection_severity.${inspection.severity}`),
                        `${translate('app.assignment.fields.remedy')}: ${inspection.remedy}`,
                        `${translate('app.assignment.fields.followUpDate')}: ${formatDay(inspection.followUpDate, locale)}`,
                        translate(`domain.inspection_status.${inspection.status}`),
                        inspection.resolutionNote,
                      ]
                        .filter(Boolean)
                        .join(' — ')}
                    />
                    {allowed.record_inspection && inspection.status === 'OPEN' && (
                      <Button
                        variant="outlined"
                        onClick={() => setDialog(resolveInspectionAction(graphqlRequest, inspection.id))}
                      >
                        {translate('app.assignment.resolve_inspection')}
                      </Button>
                    )}
                  </ListItem>
                ))}
              </List>
            </CardContent>
          </Card>
        )}
      </Stack>

      <Stack spacing={2} sx={{ minWidth: 0 }}>
        <Card component="section" aria-labelledby="actions-heading">
          <CardContent>
            <Typography id="actions-heading" component="h2" variant="h6" gutterBottom>
              {translate('app.assignment.actions')}
            </Typography>
            {visibleActions.length === 0 ? (
              <Typography color="text.secondary">{translate('app.assignment.no_actions')}</Typography>
            ) : (
              <Stack spacing={1}>
                {visibleActions.map(({ spec, variant }) => (
                  <Button key={spec.key} variant={variant ?? 'outlined'} onClick={() => setDialog(spec)}>
                    {translate(spec.title)}
                  </Button>
                ))}
              </Stack>
            )}
          </CardContent>
        </Card>
        <Card component="section" aria-labelledby="timeline-heading">
          <CardContent>
            <Typography id="timeline-heading" component="h2" variant="h6" gutterBottom>
              {translate('app.assignment.timeline')}
            </Typography>
            {timeline.length === 0 && (
              <Typography color="text.secondary">{translate('app.assignment.timeline_empty')}</Typography>
            )}
            <List dense disablePadding component="ol">
              {timeline.map((entry) => (
                <ListItem key={entry.key} component="li" disableGutters>
                  <ListItemText
                    primary={describe(entry, translate, locale)}
                    secondary={formatDateTime(entry.at, locale)}
                  />
                </ListItem>
              ))}
            </List>
          </CardContent>
        </Card>
      </Stack>

      {dialog && (
        <ActionDialog
          open
          title={translate(dialog.title)}
          submitLabel={translate(dialog.submitLabel)}
          fields={dialog.fields}
          onClose={() => setDialog(null)}
          onSubmit={async (values) => {
            await dialog.run(values);
            reload();
          }}
          onReload={reload}
        />
      )}
    </Box>
  );
};

const Fact = ({ label, value }: { label: string; value: string }) => (
  <>
    <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
      {label}
    </Typography>
    <Typography component="dd" variant="body2" sx={{ m: 0 }}>
      {value}
    </Typography>
  </>
);

function describe(
  entry: TimelineEntry,
  translate: (key: string, options?: Record<string, unknown>) => string,
  locale: string,
): string {
  const subject = entry.subject as Record<string, string | number | null | undefined>;
  switch (entry.kind) {
    case 'report_submitted':
      return translate('app.timeline.report_submitted', {
        period: subject.period ?? '',
        percent: subject.percentComplete ?? 0,
      });
    case 'report_reviewed':
      return translate('app.timeline.report_reviewed', {
        period: subject.period ?? '',
        status: translate(`domain.report_status.${String(subject.status)}`),
      });
    case 'extension_requested':
      return translate('app.timeline.extension_requested', {
        date: formatDay(String(subject.proposedDueDate ?? ''), locale),
      });
    case 'extension_decided':
      return translate('app.timeline.extension_decided', {
        status: translate(`domain.extension_status.${String(subject.status)}`),
      });
    case 'inspection_recorded':
      return translate('app.timeline.inspection_recorded', { finding: subject.finding ?? '' });
    case 'inspection_resolved':
      return translate('app.timeline.inspection_resolved', { note: subject.resolutionNote ?? '' });
    case 'audit':
      return translate(`app.audit_action.${String(subject.action)}`, { _: String(subject.action) });
  }
}
