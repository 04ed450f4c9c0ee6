import {
  Alert,
  Box,
  Button,
  Card,
  CardActionArea,
  CardContent,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { ASSIGNMENT_LIST_META } from '../assignments/assignment-fields';
import { formatDay } from '../common/dates';
import { DASHBOARD_CARDS } from '../common/enums';
import { TimelinessChip } from '../common/fields';
import { errorDetails } from '../data/graphql-errors';
import type { DashboardData } from './dashboard-query';

/** A list's address with its filter, as react-admin reads it. */
export const listLink = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

export const HomeHeading = ({ title, subtitle }: { title: string; subtitle?: string }) => (
  <Box sx={{ mt: 2, mb: 1 }}>
    <Typography component="h1" variant="h5">
      {title}
    </Typography>
    {subtitle && (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {subtitle}
      </Typography>
    )}
  </Box>
);

/** A home's section: a card with an h2 and, optionally, a link to the whole list. */
export const Panel = ({
  id,
  title,
  seeAll,
  children,
}: {
  id: string;
  title: string;
  seeAll?: string;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Card component="section" aria-labelledby={id} sx={{ minWidth: 0 }}>
      <CardContent>
        <Box
          sx={{
            display: 'flex',
            alignItems: 'baseline',
            justifyContent: 'space-between',
            gap: 1,
            flexWrap: 'wrap',
          }}
        >
          <Typography id={id} component="h2" variant="h6">
            {title}
          </Typography>
          {seeAll && (
            <Button component={Link} to={seeAll} size="small">
              {translate('app.home.see_all')}
            </Button>
          )}
        </Box>
        {children}
      </CardContent>
    </Card>
  );
};

export const LoadError = ({ error }: { error: unknown }) => {
  const translate = useTranslate();
  return (
    <Alert severity="error">
      {translate('app.home.load_error', { message: errorDetails(error).message })}
    </Alert>
  );
};

/** The four official categories plus due soon, each a link to the matching assignments. */
export const TimelinessCards = ({ data, error }: { data: DashboardData | undefined; error: unknown }) => {
  const translate = useTranslate();
  if (error) return <LoadError error={error} />;
  const count = (timeliness: string) =>
    data?.dashboard.byTimeliness.find((entry) => entry.timeliness === timeliness)?.count ?? 0;
  return (
    <Box
      component="ul"
      sx={{
        listStyle: 'none',
        p: 0,
        m: 0,
        display: 'grid',
        gap: 2,
        gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
      }}
    >
      {DASHBOARD_CARDS.map((timeliness) => (
        <Card component="li" key={timeliness} sx={{ borderTop: 4, borderColor: cardColor(timeliness) }}>
          <CardActionArea
            component={Link}
            to={listLink('Assignment', { timeliness: [timeliness] })}
            sx={{ height: '100%' }}
          >
            <CardContent>
              <Typography variant="h4" component="p">
                {data ? count(timeliness) : <Skeleton width={48} />}
              </Typography>
              <Typography variant="body2">{translate(`domain.timeliness.${timeliness}`)}</Typography>
            </CardContent>
          </CardActionArea>
        </Card>
      ))}
    </Box>
  );
};

function cardColor(timeliness: string): string {
  switch (timeliness) {
    case 'COMPLETED_ON_TIME':
      return 'success.main';
    case 'COMPLETED_LATE':
      return 'secondary.main';
    case 'OVERDUE':
      return 'error.main';
    case 'DUE_SOON':
      return 'warning.main';
    default:
      return 'info.main';
  }
}

interface AssignmentRow {
  id: string;
  timeliness: string;
  dueDate: string | null;
  daysOverdue: number;
  status: string;
  cadence: string;
  task?: { number?: string; text?: string } | null;
  organization?: { name?: string } | null;
}

/**
 * A few assignments matching a filter, each a link to its page; `action` adds a button
 * that opens the page with a dialog already open (the officer's "report" button).
 */
export const AssignmentPanel = ({
  id,
  title,
  filter,
  sort = { field: 'dueDate', order: 'ASC' },
  perPage = 8,
  action,
}: {
  id: string;
  title: string;
  filter: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  perPage?: number;
  action?: { label: string; query: string };
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, total, isPending, error } = useGetList<AssignmentRow>('Assignment', {
    filter,
    sort,
    pagination: { page: 1, perPage },
    meta: ASSIGNMENT_LIST_META,
  });
  return (
    <Panel
      id={id}
      title={`${title}${total !== undefined ? ` (${total})` : ''}`}
      seeAll={listLink('Assignment', filter)}
    >
      {error ? <LoadError error={error} /> : null}
      {isPending && <Skeleton height={80} />}
      {data?.length === 0 && (
        <Typography sx={{ color: 'text.secondary' }}>{translate('app.home.none')}</Typography>
      )}
      <List dense disablePadding>
        {data?.map((row) => (
          <ListItem
            key={row.id}
            disablePadding
            divider
            secondaryAction={
              action ? (
                <Button
                  size="small"
                  variant="outlined"
                  component={Link}
                  to={`/Assignment/${row.id}/show?${action.query}`}
                >
                  {translate(action.label)}
                </Button>
              ) : undefined
            }
            sx={action ? { pr: 16 } : undefined}
          >
            <ListItemButton component={Link} to={`/Assignment/${row.id}/show`}>
              <ListItemText
                primary={`${row.task?.number ?? ''} ${row.organization?.name ?? ''}`.trim()}
                secondary={
                  <Stack
                    component="span"
                    direction="row"
                    spacing={1}
                    useFlexGap
                    sx={{ flexWrap: 'wrap', alignItems: 'center' }}
                  >
                    <TimelinessChip value={row.timeliness} />
                    <span>
                      {row.dueDate
                        ? translate('app.home.due_on', { date: formatDay(row.dueDate, locale) })
                        : translate('app.assignment.no_due_date')}
                    </span>
                    {row.daysOverdue > 0 && (
                      <span>{translate('app.home.days_overdue', { smart_count: row.daysOverdue })}</span>
                    )}
                  </Stack>
                }
                slotProps={{ secondary: { component: 'span' } }}
              />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    </Panel>
  );
};

interface OnAssignment {
  id: string;
  period?: string;
  proposedDueDate?: string;
  status: string;
  assignment?: {
    id: string;
    task?: { number?: string } | null;
    organization?: { name?: string } | null;
  } | null;
}

/** Reports or extension requests in a given state, each a link to its assignment's page. */
export const WaitingPanel = ({
  id,
  title,
  resource,
  filter,
  describe,
  action,
}: {
  id: string;
  title: string;
  resource: 'ProgressReport' | 'ExtensionRequest';
  filter: Record<string, unknown>;
  describe: (record: OnAssignment) => string;
  action?: { label: string; query: (record: OnAssignment) => string };
}) => {
  const translate = useTranslate();
  const { data, total, isPending, error } = useGetList<OnAssignment>(resource, {
    filter,
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 8 },
    meta: {
      sparseFields: [
        'id',
        'status',
        resource === 'ProgressReport' ? 'period' : 'proposedDueDate',
        { assignment: ['id', { task: ['id', 'number'] }, { organization: ['id', 'name'] }] },
      ],
    },
  });
  return (
    <Panel
      id={id}
      title={`${title}${total !== undefined ? ` (${total})` : ''}`}
      seeAll={listLink(resource, filter)}
    >
      {error ? <LoadError error={error} /> : null}
      {isPending && <Skeleton height={60} />}
      {data?.length === 0 && (
        <Typography sx={{ color: 'text.secondary' }}>{translate('app.home.none')}</Typography>
      )}
      <List dense disablePadding>
        {data?.map((record) => (
          <ListItem
            key={record.id}
            disablePadding
            divider
            secondaryAction={
              action && record.assignment ? (
                <Button
                  size="small"
                  variant="outlined"
                  component={Link}
                  to={`/Assignment/${record.assignment.id}/show?${action.query(record)}`}
                >
                  {translate(action.label)}
                </Button>
              ) : undefined
            }
            sx={action ? { pr: 16 } : undefined}
          >
            <ListItemButton
              component={Link}
              to={record.assignment ? `/Assignment/${record.assignment.id}/show` : `/${resource}`}
            >
              <ListItemText
                primary={[record.assignment?.task?.number, record.assignment?.organization?.name]
                  .filter(Boolean)
                  .join(' — ')}
                secondary={describe(record)}
              />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    </Panel>
  );
};
