import { Box } from '@mui/material';
import { FunctionField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { InstantField } from '../common/fields';

const Json = ({ value }: { value: unknown }) => (
  <Box component="pre" sx={{ m: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: '0.8rem' }}>
    {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
  </Box>
);

export const AuditEventShow = () => (
  <Show>
    <SimpleShowLayout>
      <InstantField source="occurredAt" />
      <TextField source="action" />
      <TextField source="entityType" />
      <TextField source="entityId" />
      <TextField source="actorId" />
      <TextField source="actorOrganizationId" />
      <TextField source="requestId" />
      <FunctionField
        source="before"
        render={(record: { before?: unknown }) => <Json value={record.before} />}
      />
      <FunctionField source="after" render={(record: { after?: unknown }) => <Json value={record.after} />} />
      <TextField source="hash" sx={{ wordBreak: 'break-all' }} />
    </SimpleShowLayout>
  </Show>
);
