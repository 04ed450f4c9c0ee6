import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  ListItemText,
  Menu,
  MenuItem,
  Typography,
} from '@mui/material';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useAllowed } from '../auth/use-allowed';
import { authProvider, graphqlRequest } from '../providers';
import { downloadWithToken } from './download-file';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportProgress,
  type ExportView,
  runExport,
} from './export-progress';
import { EXPORT_REPORT, READ_EXPORT } from './export-queries';

const E = 'app.export.';

/** What the progress says, in the catalogue's words. */
function describe(progress: ExportProgress, translate: (key: string, options?: object) => string): string {
  switch (progress.phase) {
    case 'requesting':
      return translate(`${E}requesting`);
    case 'waiting':
      return translate(`${E}status.${progress.status}`);
    case 'downloading':
      return translate(`${E}downloading`, { name: progress.fileName });
    case 'done':
      return translate(`${E}done`, { name: progress.fileName });
    case 'failed':
      if (progress.reason === 'timeout') return translate(`${E}timeout`);
      return translate(`${E}failed`, {
        error: progress.error ? translate(progress.error, { _: progress.error }) : translate(`${E}no_reason`),
      });
  }
}

/**
 * "Xuất báo cáo": the report (.docx), the tracking table (.xlsx) or CSV of one document, of
 * one body's subtree, or (with neither) of the caller's whole jurisdiction. The worker makes
 * the file; a dialog follows it and the browser saves it under the server's name.
 */
export const ExportMenu = ({
  documentId,
  organizationId,
}: {
  documentId?: string;
  organizationId?: string;
}) => {
  const translate = useTranslate();
  const { create } = useAllowed('Export', ['create']);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  // The export being followed; closing the dialog (or leaving the page) lets it go.
  const current = useRef<{ cancelled: boolean } | null>(null);
  const menuId = useId();
  const titleId = useId();

  useEffect(
    () => () => {
      if (current.current) current.current.cancelled = true;
    },
    [],
  );
  if (!create) return null;

  const start = (format: ExportFormat) => {
    setAnchor(null);
    const run = { cancelled: false };
    current.current = run;
    void runExport(
      format,
      {
        request: async (chosen) =>
          (
            await graphqlRequest<{ exportReport: ExportView }>(EXPORT_REPORT, {
              input: { documentId, organizationId, format: chosen },
            })
          ).exportReport,
        read: async (id) => (await graphqlRequest<{ Export: ExportView | null }>(READ_EXPORT, { id })).Export,
        download: async (url, fileName) =>
          downloadWithToken(url, fileName, await authProvider.getAccessToken()),
        now: () => Date.now(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        cancelled: () => run.cancelled,
      },
      setProgress,
    );
  };
  const close = () => {
    if (current.current) current.current.cancelled = true;
    setProgress(null);
  };
  const busy = progress !== null && progress.phase !== 'done' && progress.phase !== 'failed';

  return (
    <>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
        disabled={busy}
      >
        {translate(`${E}button`)}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {EXPORT_FORMATS.map((format) => (
          <MenuItem key={format} onClick={() => start(format)}>
            <ListItemText primary={translate(`${E}formats.${format}`)} />
          </MenuItem>
        ))}
      </Menu>
      <Dialog
        open={progress !== null}
        onClose={busy ? undefined : close}
        aria-labelledby={titleId}
        fullWidth
        maxWidth="xs"
      >
        <DialogTitle id={titleId}>
          {progress ? translate(`${E}formats.${progress.format}`) : translate(`${E}button`)}
        </DialogTitle>
        <DialogContent>
          {progress?.phase === 'failed' ? (
            <Alert severity="error" role="alert">
              {describe(progress, translate)}
            </Alert>
          ) : progress?.phase === 'done' ? (
            <Alert severity="success" role="status">
              {describe(progress, translate)}
            </Alert>
          ) : progress ? (
            <>
              <Typography role="status" sx={{ mb: 2 }}>
                {describe(progress, translate)}
              </Typography>
              <LinearProgress aria-label={describe(progress, translate)} />
            </>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{translate(busy ? 'ra.action.cancel' : 'ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
