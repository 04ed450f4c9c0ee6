import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import {
  Box,
  Button,
  Card,
  CardContent,
  IconButton,
  Stack,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { Link, Title, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { formatDay, todayInVietnam } from '../common/dates';
import { bucketByDay, monthGrid, monthRange, type CalendarEntry } from './month-grid';

interface CalendarAssignment {
  id: string;
  dueDate: string | null;
  nextReportDue: string | null;
  timeliness: string;
  task?: { number?: string } | null;
  organization?: { name?: string } | null;
}

const META = {
  sparseFields: [
    'id',
    'dueDate',
    'nextReportDue',
    'timeliness',
    { task: ['id', 'number'] },
    { organization: ['id', 'name'] },
  ],
};
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Due dates and report dates by month. On a narrow screen the grid becomes a list of the
 * days that have something, so nothing is squeezed off a tablet held upright.
 */
export const CalendarPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const today = todayInVietnam();
  const [month, setMonth] = useState({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
  const range = monthRange(month.year, month.month);
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));

  const due = useGetList<CalendarAssignment>('Assignment', {
    filter: { dueFrom: range.from, dueTo: range.to },
    sort: { field: 'dueDate', order: 'ASC' },
    pagination: { page: 1, perPage: 1000 },
    meta: META,
  });
  // Continuous work has no due date; its next report date comes with the open work.
  const open = useGetList<CalendarAssignment>('Assignment', {
    filter: { status: ['NOT_STARTED', 'IN_PROGRESS'] },
    sort: { field: 'dueDate', order: 'ASC' },
    pagination: { page: 1, perPage: 1000 },
    meta: META,
  });

  const buckets = useMemo(() => {
    const byId = new Map<string, CalendarAssignment>();
    for (const row of [...(due.data ?? []), ...(open.data ?? [])]) byId.set(row.id, row);
    return bucketByDay(
      [...byId.values()],
      (row) => ({ dueDate: row.dueDate, reportDate: row.nextReportDue }),
      range,
    );
  }, [due.data, open.data, range.from, range.to]);

  const shift = (delta: number) =>
    setMonth(({ year, month: current }) => {
      const index = year * 12 + (current - 1) + delta;
      return { year: Math.floor(index / 12), month: (index % 12) + 1 };
    });
  const title = translate('app.calendar.month', { month: month.month, year: month.year });
  const weeks = monthGrid(month.year, month.month);

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.calendar.title" />
      <CardContent>
        <Stack
          direction="row"
          sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: 1, mb: 2 }}
        >
          <Typography component="h1" variant="h5">
            {translate('app.calendar.title')}
          </Typography>
          <Stack direction="row" sx={{ alignItems: 'center' }} spacing={1}>
            <IconButton onClick={() => shift(-1)} aria-label={translate('app.calendar.previous')}>
              <ChevronLeftIcon />
            </IconButton>
            <Typography
              component="h2"
              variant="h6"
              aria-live="polite"
              sx={{ minWidth: 96, textAlign: 'center' }}
            >
              {title}
            </Typography>
            <IconButton onClick={() => shift(1)} aria-label={translate('app.calendar.next')}>
              <ChevronRightIcon />
            </IconButton>
            <Button
              onClick={() => setMonth({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) })}
            >
              {translate('app.calendar.today')}
            </Button>
          </Stack>
        </Stack>
        <Stack direction="row" spacing={2} sx={{ mb: 1 }}>
          <Legend kind="due" />
          <Legend kind="report" />
        </Stack>
        {narrow ? (
          <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={title}>
            {[...buckets.entries()]
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([day, entries]) => (
                <Box component="li" key={day} sx={{ mb: 1.5 }}>
                  <Typography component="h3" variant="subtitle2">
                    {formatDay(day, locale)}
                  </Typography>
                  <Entries entries={entries} />
                </Box>
              ))}
            {buckets.size === 0 && <Typography>{translate('app.calendar.empty')}</Typography>}
          </Box>
        ) : (
          <Box
            role="grid"
            aria-label={title}
            sx={{
              display: 'grid',
              gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
              border: 1,
              borderColor: 'divider',
            }}
          >
            <Box role="row" sx={{ display: 'contents' }}>
              {WEEKDAYS.map((weekday) => (
                <Box
                  role="columnheader"
                  key={weekday}
                  sx={{
                    p: 0.5,
                    fontWeight: 600,
                    textAlign: 'center',
                    borderBottom: 1,
                    borderColor: 'divider',
                  }}
                >
                  {translate(`app.calendar.weekdays.${weekday}`)}
                </Box>
              ))}
            </Box>
            {weeks.map((week) => (
              <Box role="row" key={week[0]?.day} sx={{ display: 'contents' }}>
                {week.map((cell) => (
                  <Box
                    role="gridcell"
                    key={cell.day}
                    aria-label={formatDay(cell.day, locale)}
                    sx={{
                      minHeight: 96,
                      p: 0.5,
                      borderTop: 1,
                      borderLeft: 1,
                      borderColor: 'divider',
                      bgcolor:
                        cell.day === today
                          ? 'action.selected'
                          : cell.inMonth
                            ? 'background.paper'
                            : 'action.hover',
                      minWidth: 0,
                      overflow: 'hidden',
                    }}
                  >
                    <Typography
                      variant="caption"
                      sx={{ color: cell.inMonth ? 'text.primary' : 'text.disabled' }}
                    >
                      {Number(cell.day.slice(8))}
                    </Typography>
                    <Entries entries={buckets.get(cell.day) ?? []} />
                  </Box>
                ))}
              </Box>
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

const COLORS = { due: 'error.main', report: 'info.main' } as const;

const Legend = ({ kind }: { kind: 'due' | 'report' }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <Box sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: COLORS[kind] }} />
      <Typography variant="body2">{translate(`app.calendar.${kind}`)}</Typography>
    </Stack>
  );
};

const Entries = ({ entries }: { entries: CalendarEntry<CalendarAssignment>[] }) => {
  const translate = useTranslate();
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {entries.map(({ kind, item }) => (
        <Box
          component="li"
          key={`${kind}-${item.id}`}
          sx={{
            fontSize: '0.75rem',
            borderLeft: 3,
            borderColor: COLORS[kind],
            pl: 0.5,
            my: 0.25,
            overflowWrap: 'anywhere',
          }}
        >
          <Link to={`/Assignment/${item.id}/show`} title={translate(`app.calendar.${kind}`)}>
            {[item.task?.number, item.organization?.name].filter(Boolean).join(' ')}
          </Link>
        </Box>
      ))}
    </Box>
  );
};
