import {
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  List,
  ListItem,
  ListItemText,
  Skeleton,
  Stack,
  Typography,
} from '@mui/material';
import { Link, Title, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime, formatDay } from '../common/dates';
import { TimelinessChip } from '../common/fields';
import { useGraphqlQuery } from '../data/use-graphql';
import { HomeHeading, LoadError } from './home-widgets';
import { INSPECTION_BOARD, type InspectionBoardData } from './inspection-board';

const ESCALATION_COLOR = ['default', 'warning', 'error'] as const;

/** The inspectors' board: overdue and at-risk work by body, one click from recording a finding. */
export const InspectorHome = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error, isPending } = useGraphqlQuery<InspectionBoardData>(
    ['inspection-board'],
    INSPECTION_BOARD,
    {},
    { retry: false },
  );
  const groups = data?.inspectionBoard.groups ?? [];
  return (
    <Box sx={{ pb: 2 }}>
      <Title title="ra.page.dashboard" />
      <HomeHeading
        title={translate('app.home.inspector_title')}
        subtitle={
          data
            ? translate('app.home.board_as_of', { date: formatDateTime(data.inspectionBoard.asOf, locale) })
            : undefined
        }
      />
      {error ? <LoadError error={error} /> : null}
      {isPending && <Skeleton variant="rectangular" height={200} />}
      {data && groups.length === 0 && <Typography>{translate('app.home.board_empty')}</Typography>}
      <Stack spacing={2}>
        {groups.map((group) => (
          <Card
            component="section"
            key={group.organization.id}
            aria-labelledby={`board-${group.organization.id}`}
          >
            <CardHeader
              title={group.organization.name}
              slotProps={{ title: { component: 'h2', variant: 'h6', id: `board-${group.organization.id}` } }}
              subheader={`${translate('app.home.board_overdue', { smart_count: group.overdue })} · ${translate('app.home.board_at_risk', { smart_count: group.atRisk })}`}
            />
            <CardContent sx={{ pt: 0 }}>
              <List disablePadding>
                {group.items.map((item) => (
                  <ListItem
                    key={item.assignment.id}
                    divider
                    sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}
                  >
                    <ListItemText
                      sx={{ flex: '1 1 280px', minWidth: 0 }}
                      primary={
                        <Link to={`/Assignment/${item.assignment.id}/show`}>
                          {[item.assignment.task?.number, item.assignment.task?.text.slice(0, 160)]
                            .filter(Boolean)
                            .join('. ')}
                        </Link>
                      }
                      secondary={
                        <Stack
                          component="span"
                          direction="row"
                          spacing={1}
                          useFlexGap
                          sx={{ flexWrap: 'wrap', alignItems: 'center', mt: 0.5 }}
                        >
                          <TimelinessChip value={item.assignment.timeliness} />
                          {item.daysOverdue > 0 && (
                            <span>
                              {translate('app.home.days_overdue', { smart_count: item.daysOverdue })}
                            </span>
                          )}
                          {item.assignment.dueDate && (
                            <span>
                              {translate('app.home.due_on', {
                                date: formatDay(item.assignment.dueDate, locale),
                              })}
                            </span>
                          )}
                          <Chip
                            size="small"
                            variant="outlined"
                            color={ESCALATION_COLOR[item.escalationLevel] ?? 'error'}
                            label={translate(`app.home.escalation.${Math.min(item.escalationLevel, 2)}`)}
                          />
                          <Chip
                            size="small"
                            variant="outlined"
                            label={translate(`app.home.inspection_status.${item.inspectionStatus}`, {
                              _: item.inspectionStatus,
                            })}
                          />
                        </Stack>
                      }
                      slotProps={{ secondary: { component: 'span' } }}
                    />
                    <Button
                      variant="contained"
                      size="small"
                      component={Link}
                      to={`/Assignment/${item.assignment.id}/show?action=inspection`}
                    >
                      {translate('app.home.record_finding')}
                    </Button>
                  </ListItem>
                ))}
              </List>
            </CardContent>
          </Card>
        ))}
      </Stack>
    </Box>
  );
};
