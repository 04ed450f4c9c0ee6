import { Box, Typography } from '@mui/material';
import {
  Button,
  Datagrid,
  FunctionField,
  Link,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import PublishIcon from '@mui/icons-material/Publish';
import { DayField, EnumField, InstantField, ShortTextField } from '../common/fields';
import { ExportMenu } from '../exports/export-menu';
import { ConfidentialChip, ConfidentialToggle } from './confidential';

const PublishButton = () => {
  const record = useRecordContext<{ id: string; status: string }>();
  const { canAccess } = useCanAccess({ resource: 'Document', action: 'publish' });
  if (!record || record.status !== 'DRAFT' || !canAccess) return null;
  return (
    <Button
      component={Link}
      to={`/import/${record.id}`}
      label="app.document.assign_and_publish"
      variant="contained"
    >
      <PublishIcon />
    </Button>
  );
};

/** The document's report, tracking table or CSV, once it is published (a draft has no work yet). */
const DocumentExport = () => {
  const record = useRecordContext<{ id: string; status: string }>();
  if (!record || record.status !== 'PUBLISHED') return null;
  return <ExportMenu documentId={record.id} />;
};

const Sections = () => {
  const record = useRecordContext<{
    sections?: { number?: string | null; heading: string }[];
    tasksSection?: { heading: string } | null;
  }>();
  const translate = useTranslate();
  if (!record?.sections?.length) return null;
  return (
    <Box component="ol" sx={{ m: 0, pl: 3 }} aria-label={translate('app.import.outline')}>
      {record.sections.map((section, index) => {
        const isTasks = section.heading === record.tasksSection?.heading;
        return (
          <Box
            component="li"
            key={index}
            sx={isTasks ? { fontWeight: 700, bgcolor: '#fff1b8', px: 0.5 } : undefined}
          >
            {[section.number, section.heading].filter(Boolean).join('. ')}
            {isTasks && ` — ${translate('app.import.tasks_section')}`}
          </Box>
        );
      })}
    </Box>
  );
};

export const DocumentShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ConfidentialToggle />
        <PublishButton />
        <DocumentExport />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <FunctionField
        label={false}
        render={(record: { number?: string; title?: string }) => (
          <Typography component="h1" variant="h5">
            {[record.number, record.title].filter(Boolean).join(' — ')} <ConfidentialChip />
          </Typography>
        )}
      />
      <TextField source="type" />
      <TextField source="issuer" />
      <TextField source="place" />
      <DayField source="date" />
      <EnumField source="status" domain="document_status" />
      <InstantField source="publishedAt" />
      <FunctionField source="sections" render={() => <Sections />} />
      <ReferenceManyField
        reference="Task"
        target="documentId"
        sort={{ field: 'position', order: 'ASC' }}
        perPage={200}
        // Only what the table shows: a whole task with its assignments, 200 at a time, is
        // over the API's cost limit (QUERY_TOO_COMPLEX).
        queryOptions={{ meta: { sparseFields: ['id', 'number', 'text', 'kind', 'dueDate'] } }}
        label="resources.Document.fields.tasks"
      >
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="number" />
          <ShortTextField source="text" length={200} />
          <EnumField source="kind" domain="task_kind" />
          <DayField source="dueDate" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
