import { Box, Chip, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatDay } from '../common/dates';
import type { DocumentOutline, OutlineTask } from './import-queries';

/** What the reader found: header, outline (tasks section highlighted), tasks, footnotes, citations. */
export const OutlinePreview = ({ outline }: { outline: DocumentOutline }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { header } = outline;
  const rows: [string, string | null | undefined][] = [
    ['number', header.number],
    ['type', header.type],
    ['issuer', header.issuer],
    ['place', header.place],
    ['date', header.date ? formatDay(header.date, locale) : null],
    ['title', header.title],
    [
      'signer',
      header.signer
        ? [header.signer.onBehalfOf, header.signer.position, header.signer.name].filter(Boolean).join(' — ')
        : null,
    ],
    ['recipients', header.recipients.map((recipient) => recipient.text).join('; ')],
  ];
  const isTasksSection = (section: { start: number; heading: string }) =>
    outline.tasksSection !== null &&
    section.start === outline.tasksSection.start &&
    section.heading === outline.tasksSection.heading;

  return (
    <Box
      sx={{
        display: 'grid',
        gap: 3,
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' },
      }}
    >
      <Box component="section" aria-labelledby="outline-header">
        <Typography id="outline-header" component="h2" variant="h6" gutterBottom>
          {translate('app.import.header')}
        </Typography>
        <Box
          component="dl"
          sx={{
            m: 0,
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' },
            columnGap: 2,
            rowGap: 0.5,
          }}
        >
          {rows.map(([key, value]) => (
            <Box key={key} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" sx={{ color: 'text.secondary' }}>
                {translate(`app.import.fields.${key}`)}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                {value || '—'}
              </Typography>
            </Box>
          ))}
        </Box>
      </Box>
      <Box component="section" aria-labelledby="outline-sections">
        <Typography id="outline-sections" component="h2" variant="h6" gutterBottom>
          {translate('app.import.outline')}
        </Typography>
        <Box component="ol" sx={{ m: 0, pl: 3 }}>
          {outline.sections.map((section) => (
            <Box
              component="li"
              key={`${section.start}-${section.heading}`}
              aria-current={isTasksSection(section) ? 'true' : undefined}
              sx={
                isTasksSection(section)
                  ? { bgcolor: '#fff1b8', fontWeight: 700, px: 0.5, borderRadius: 1 }
                  : undefined
              }
            >
              {[section.number, section.heading].filter(Boolean).join('. ')}
              {isTasksSection(section) && (
                <Chip
                  size="small"
                  color="warning"
                  label={translate('app.import.tasks_section')}
                  sx={{ ml: 1 }}
                />
              )}
            </Box>
          ))}
        </Box>
      </Box>
      <Box component="section" aria-labelledby="outline-tasks" sx={{ gridColumn: '1 / -1' }}>
        <Typography id="outline-tasks" component="h2" variant="h6" gutterBottom>
          {translate('app.import.tasks', { smart_count: countTasks(outline.tasks) })}
        </Typography>
        {outline.tasks.length === 0 ? (
          <Typography>{translate('app.import.no_tasks')}</Typography>
        ) : (
          <TaskTree tasks={outline.tasks} />
        )}
      </Box>
      <Box component="section" aria-labelledby="outline-footnotes">
        <Typography id="outline-footnotes" component="h2" variant="h6" gutterBottom>
          {translate('app.import.footnotes', { smart_count: outline.footnotes.length })}
        </Typography>
        <Box component="ol" sx={{ m: 0, pl: 3, maxHeight: 320, overflow: 'auto' }}>
          {outline.footnotes.map((footnote) => (
            <li key={footnote.index} value={footnote.index}>
              <Typography variant="body2">{footnote.text}</Typography>
            </li>
          ))}
        </Box>
      </Box>
      <Box component="section" aria-labelledby="outline-references">
        <Typography id="outline-references" component="h2" variant="h6" gutterBottom>
          {translate('app.import.references', { smart_count: outline.references.length })}
        </Typography>
        <Box component="ul" sx={{ m: 0, pl: 3, maxHeight: 320, overflow: 'auto' }}>
          {outline.references.map((reference, index) => (
            <li key={index}>
              <Typography variant="body2">{reference.text}</Typography>
            </li>
          ))}
        </Box>
      </Box>
    </Box>
  );
};

function countTasks(tasks: readonly OutlineTask[]): number {
  return tasks.reduce((sum, task) => sum + 1 + countTasks(task.children ?? []), 0);
}

const TaskTree = ({ tasks }: { tasks: readonly OutlineTask[] }) => {
  const translate = useTranslate();
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, pl: 2 }}>
      {tasks.map((task) => (
        <Box component="li" key={task.number} sx={{ mb: 1 }}>
          <Typography variant="body2">
            {/* The reader keeps the item's own number in its text ("1. Tiếp tục…"): show it once. */}
            {!task.text.startsWith(`${task.number}.`) && <strong>{task.number}. </strong>}
            {task.text.length > 300 ? `${task.text.slice(0, 300)}…` : task.text}
          </Typography>
          {task.suggestedAssignees.length > 0 && (
            <Box
              sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}
              aria-label={translate('app.import.suggested')}
            >
              {task.suggestedAssignees.map((suggestion) => (
                <Chip
                  key={`${suggestion.organizationName}-${suggestion.role}`}
                  size="small"
                  variant={suggestion.role === 'LEAD' ? 'filled' : 'outlined'}
                  label={`${suggestion.organizationName} · ${translate(`domain.assignment_role.${suggestion.role}`, { _: suggestion.role })}`}
                  title={suggestion.reason}
                />
              ))}
            </Box>
          )}
          {task.children && task.children.length > 0 && <TaskTree tasks={task.children} />}
        </Box>
      ))}
    </Box>
  );
};
