import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
} from '@mui/material';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslate } from 'react-admin';
import { errorDetails } from '../data/graphql-errors';

type Step = 'form' | 'confirm' | 'done';

/**
 * A merger or a split in three steps: the form; a confirmation that says what will move
 * (nothing is sent before it); the server's result. The server's refusal is shown as is.
 */
export const ReorganizeDialog = ({
  open,
  title,
  form,
  check,
  confirmation,
  result,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  form: ReactNode;
  /** The catalogue key of what the form lacks, or null when it can go on. */
  check: () => string | null;
  confirmation: ReactNode;
  result: ReactNode;
  onSubmit: () => Promise<void>;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const titleId = useId();
  const [step, setStep] = useState<Step>('form');
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setStep('form');
      setFailure(null);
    }
  }, [open]);

  const next = async () => {
    setFailure(null);
    if (step === 'form') {
      const missing = check();
      if (missing) setFailure(translate(missing));
      else setStep('confirm');
      return;
    }
    setWorking(true);
    try {
      await onSubmit();
      setStep('done');
    } catch (error) {
      const { message } = errorDetails(error);
      setFailure(translate(message || 'ra.notification.http_error', { _: message }));
    } finally {
      setWorking(false);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={working ? undefined : onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {failure && (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          )}
          {step === 'form' && form}
          {step === 'confirm' && (
            <Alert severity="warning" role="region" aria-label={translate('app.lineage.confirm_heading')}>
              {confirmation}
            </Alert>
          )}
          {step === 'done' && (
            <Alert severity="success" role="status">
              {result}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      {working && <LinearProgress aria-label={translate('ra.page.loading')} />}
      <DialogActions>
        {step === 'done' ? (
          <Button onClick={onClose} variant="contained">
            {translate('ra.action.close')}
          </Button>
        ) : (
          <>
            {step === 'confirm' && (
              <Button onClick={() => setStep('form')} disabled={working}>
                {translate('ra.action.back')}
              </Button>
            )}
            <Button onClick={onClose} disabled={working}>
              {translate('ra.action.cancel')}
            </Button>
            <Button onClick={() => void next()} variant="contained" disabled={working}>
              {translate(step === 'form' ? 'app.lineage.continue' : 'ra.action.confirm')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
};
