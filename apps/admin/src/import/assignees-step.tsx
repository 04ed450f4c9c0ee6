import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { ASSIGNMENT_ROLE, CADENCE } from '../common/enums';
import { type AssigneeRow, tooManyLeads } from './assignees';
import type { DraftDocument, DraftTask } from './import-queries';
import { OrganizationPicker } from './organization-picker';

/** Each task with its assignees, editable; one date and cadence can be set for all at once. */
export const AssigneesStep = ({
  document,
  rows,
  onChange,
  onPublish,
  busy,
}: {
  document: DraftDocument;
  rows: Record<string, AssigneeRow[]>;
  onChange: (taskId: string, rows: AssigneeRow[]) => void;
  onPublish: () => void;
  busy: boolean;
}) => {
  const translate = useTranslate();
  const [allDueDate, setAllDueDate] = useState('');
  const [allCadence, setAllCadence] = useState('');
  const applyToAll = () => {
    for (const task of document.tasks) {
      onChange(
        task.id,
        (rows[task.id] ?? []).map((row) => ({
          ...row,
          dueDate: allDueDate || row.dueDate,
          cadence: allCadence || row.cadence,
        })),
      );
    }
  };
  const assigned = document.tasks.filter((task) =>
    (rows[task.id] ?? []).some((row) => row.organization),
  ).length;

  return (
    <Stack spacing={2}>
      <Typography component="h2" variant="h6">
        {translate('app.import.assignees_title', { number: document.number ?? document.title ?? '' })}
      </Typography>
      <Box
        component="section"
        aria-label={translate('app.import.apply_all')}
        sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}
      >
        <TextField
          type="date"
          label={translate('app.import.fields.dueDate')}
          value={allDueDate}
          onChange={(event) => setAllDueDate(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          size="small"
        />
        <TextField
          select
          label={translate('app.import.fields.cadence')}
          value={allCadence}
          onChange={(event) => setAllCadence(event.target.value)}
          size="small"
          sx={{ minWidth: 200 }}
        >
          {CADENCE.map((cadence) => (
            <MenuItem key={cadence} value={cadence}>
              {translate(`domain.cadence.${cadence}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button onClick={applyToAll} disabled={!allDueDate && !allCadence}>
          {translate('app.import.apply_all')}
        </Button>
      </Box>
      {document.tasks.map((task) => (
        <TaskAssignees
          key={task.id}
          task={task}
          rows={rows[task.id] ?? []}
          onChange={(next) => onChange(task.id, next)}
        />
      ))}
      <Box
        sx={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          flexWrap: 'wrap',
          gap: 1,
        }}
      >
        <Typography variant="body2">
          {translate('app.import.assigned_count', { assigned, total: document.tasks.length })}
        </Typography>
        <Button variant="contained" onClick={onPublish} disabled={busy || assigned === 0}>
          {translate('app.import.publish')}
        </Button>
      </Box>
    </Stack>
  );
};

const TaskAssignees = ({
  task,
  rows,
  onChange,
}: {
  task: DraftTask;
  rows: AssigneeRow[];
  onChange: (rows: AssigneeRow[]) => void;
}) => {
  const translate = useTranslate();
  const update = (index: number, patch: Partial<AssigneeRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const headingId = `task-${task.id}`;
  return (
    <Card
      variant="outlined"
      component="section"
      aria-labelledby={headingId}
      sx={{ ml: task.parent ? { xs: 1, sm: 4 } : 0 }}
    >
      <CardContent>
        <Typography id={headingId} component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
          {translate('app.import.task_heading', { number: task.number })}
        </Typography>
        <Typography variant="body2" sx={{ mb: 1.5, whiteSpace: 'pre-wrap' }}>
          {task.text}
        </Typography>
        {tooManyLeads(task.kind, rows) && (
          <Alert severity="warning" sx={{ mb: 1 }}>
            {translate('app.import.one_lead')}
          </Alert>
        )}
        <Stack spacing={1.5}>
          {rows.map((row, index) => (
            <Box key={index} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}>
              <OrganizationPicker
                value={row.organization}
                onChange={(organization) => update(index, { organization })}
                label={translate('app.import.fields.organization')}
              />
              <TextField
                select
                label={translate('app.import.fields.role')}
                value={row.role}
                onChange={(event) =>
                  update(index, { role: event.target.value === 'LEAD' ? 'LEAD' : 'COORDINATE' })
                }
                sx={{ flex: '1 1 130px' }}
              >
                {ASSIGNMENT_ROLE.map((role) => (
                  <MenuItem key={role} value={role}>
                    {translate(`domain.assignment_role.${role}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                type="date"
                label={translate('app.import.fields.dueDate')}
                value={row.dueDate}
                onChange={(event) => update(index, { dueDate: event.target.value })}
                slotProps={{ inputLabel: { shrink: true } }}
                sx={{ flex: '1 1 160px' }}
              />
              <TextField
                select
                label={translate('app.import.fields.cadence')}
                value={row.cadence}
                onChange={(event) => update(index, { cadence: event.target.value })}
                sx={{ flex: '1 1 170px' }}
              >
                {CADENCE.map((cadence) => (
                  <MenuItem key={cadence} value={cadence}>
                    {translate(`domain.cadence.${cadence}`)}
                  </MenuItem>
                ))}
              </TextField>
              <IconButton
                aria-label={translate('app.import.remove_assignee', { name: row.organization?.name ?? '' })}
                onClick={() => onChange(rows.filter((_, at) => at !== index))}
                sx={{ mt: 1 }}
              >
                <DeleteIcon />
              </IconButton>
              {row.reason && (
                <Typography variant="caption" sx={{ flexBasis: '100%', color: 'text.secondary' }}>
                  {translate('app.import.suggested_reason', { reason: row.reason })}
                </Typography>
              )}
            </Box>
          ))}
          <Box>
            <Button
              startIcon={<AddIcon />}
              onClick={() =>
                onChange([
                  ...rows,
                  {
                    organization: null,
                    role: 'COORDINATE',
                    dueDate: task.dueDate ?? '',
                    cadence: task.cadence,
                    reason: '',
                  },
                ])
              }
            >
              {translate('app.import.add_assignee')}
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
};
