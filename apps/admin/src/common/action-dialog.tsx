import {
  Alert,
  AlertTitle,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslate } from 'react-admin';
import { errorDetails, parseConflict, type VersionConflict } from '../data/graphql-errors';

export interface DialogField {
  name: string;
  /** A catalogue key. */
  label: string;
  type?: 'text' | 'multiline' | 'number' | 'date' | 'select';
  required?: boolean;
  choices?: { id: string; name: string }[];
  defaultValue?: string;
  min?: number;
  max?: number;
}

/**
 * One action on a record as a dialog: a few labelled fields, a submit button, and the
 * server's answer. A version conflict (someone changed the record meanwhile) is explained
 * with both versions and offers to reload, rather than failing silently.
 */
export const ActionDialog = ({
  open,
  title,
  submitLabel,
  fields,
  onClose,
  onSubmit,
  onReload,
}: {
  open: boolean;
  title: string;
  submitLabel: string;
  fields: DialogField[];
  onClose: () => void;
  onSubmit: (values: Record<string, string>) => Promise<unknown>;
  onReload: () => void;
}) => {
  const translate = useTranslate();
  const titleId = useId();
  const initial = () => Object.fromEntries(fields.map((field) => [field.name, field.defaultValue ?? '']));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [working, setWorking] = useState(false);
  const [conflict, setConflict] = useState<VersionConflict | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setValues(initial());
      setConflict(null);
      setFailure(null);
    }
    // Reset only when the dialog opens; the fields' defaults are read then.
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setConflict(null);
    setFailure(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (error) {
      const found = parseConflict(error);
      if (found) setConflict(found);
      else
        setFailure(
          translate(errorDetails(error).message || 'ra.notification.http_error', {
            _: errorDetails(error).message,
          }),
        );
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
      <form onSubmit={submit} noValidate={false}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {conflict && (
              <Alert
                severity="warning"
                role="alert"
                action={
                  <Button
                    color="inherit"
                    onClick={() => {
                      onReload();
                      onClose();
                    }}
                  >
                    {translate('app.conflict.reload')}
                  </Button>
                }
              >
                <AlertTitle>{translate('app.conflict.title')}</AlertTitle>
                {conflict.currentVersion !== null && conflict.expectedVersion !== null
                  ? translate('app.conflict.versions', {
                      expected: conflict.expectedVersion,
                      current: conflict.currentVersion,
                    })
                  : conflict.message}{' '}
                {translate('app.conflict.explain')}
              </Alert>
            )}
            {failure && (
              <Alert severity="error" role="alert">
                {failure}
              </Alert>
            )}
            {fields.map((field) => (
              <TextField
                key={field.name}
                name={field.name}
                label={translate(field.label)}
                required={field.required}
                type={field.type === 'number' || field.type === 'date' ? field.type : 'text'}
                multiline={field.type === 'multiline'}
                minRows={field.type === 'multiline' ? 3 : undefined}
                select={field.type === 'select'}
                value={values[field.name] ?? ''}
                onChange={(event) =>
                  setValues((current) => ({ ...current, [field.name]: event.target.value }))
                }
                slotProps={{
                  inputLabel: field.type === 'date' ? { shrink: true } : undefined,
                  htmlInput: field.type === 'number' ? { min: field.min, max: field.max } : undefined,
                }}
                fullWidth
              >
                {field.choices?.map((choice) => (
                  <MenuItem key={choice.id} value={choice.id}>
                    {translate(choice.name)}
                  </MenuItem>
                ))}
              </TextField>
            ))}
          </Stack>
        </DialogContent>
        {working && <LinearProgress aria-label={translate('ra.page.loading')} />}
        <DialogActions>
          <Button onClick={onClose} disabled={working}>
            {translate('ra.action.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={working}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
