import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Chip } from '@mui/material';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useState } from 'react';
import { graphqlRequest } from '../providers';

const SET_CONFIDENTIAL =
  'mutation SetDocumentConfidential($id: ID!, $confidential: Boolean!) { setDocumentConfidential(id: $id, confidential: $confidential) { id confidential } }';

/** "Mật" beside a confidential document (văn bản mật): its text shows only to whom the server clears. */
export const ConfidentialChip = () => {
  const record = useRecordContext<{ confidential?: boolean }>();
  const translate = useTranslate();
  if (!record?.confidential) return null;
  return (
    <Chip
      size="small"
      color="error"
      icon={<LockIcon />}
      label={translate('app.document.confidential')}
      title={translate('app.document.confidential_hint')}
    />
  );
};

/**
 * Marks or unmarks the document. Offered to whom may import documents; the server still
 * decides (only the owner's supervisors may) and says so when it refuses.
 */
export const ConfidentialToggle = () => {
  const record = useRecordContext<{ id: string; confidential?: boolean }>();
  const { canAccess } = useCanAccess({ resource: 'Document', action: 'import' });
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess) return null;
  const next = !record.confidential;
  const toggle = async () => {
    setBusy(true);
    try {
      await graphqlRequest(SET_CONFIDENTIAL, { id: record.id, confidential: next });
      notify(next ? 'app.document.marked_confidential' : 'app.document.unmarked_confidential', {
        type: 'success',
      });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      onClick={() => void toggle()}
      disabled={busy}
      label={next ? 'app.document.mark_confidential' : 'app.document.unmark_confidential'}
    >
      {next ? <LockIcon /> : <LockOpenIcon />}
    </Button>
  );
};
