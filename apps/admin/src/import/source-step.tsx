import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Checkbox, FormControlLabel, Stack, TextField, Typography } from '@mui/material';
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslate } from 'react-admin';
import { ACCEPTED_EXTENSIONS, bytesToBase64, isAcceptedFile } from './assignees';

export type SourceInput = ({ fileName: string; fileBase64: string } | { text: string; fileName?: string }) & {
  /** Store it as a confidential document (văn bản mật). */
  confidential?: boolean;
};

/** A file (.txt, .docx, .pdf) or pasted text. */
export const SourceStep = ({ onRead, busy }: { onRead: (input: SourceInput) => void; busy: boolean }) => {
  const translate = useTranslate();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confidential, setConfidential] = useState(false);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setProblem(chosen && !isAcceptedFile(chosen.name) ? translate('app.import.unsupported_file') : null);
    setFile(chosen && isAcceptedFile(chosen.name) ? chosen : null);
  };

  const read = async () => {
    if (file) {
      onRead({
        fileName: file.name,
        fileBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())),
        confidential,
      });
    } else if (text.trim()) {
      onRead({ text, confidential });
    }
  };

  return (
    <Stack spacing={2}>
      <Typography component="h2" variant="h6">
        {translate('app.import.steps.source')}
      </Typography>
      <Box>
        <input
          id={fileId}
          type="file"
          accept={ACCEPTED_EXTENSIONS.join(',')}
          onChange={choose}
          style={{ display: 'none' }}
        />
        <label htmlFor={fileId}>
          <Button component="span" variant="outlined" startIcon={<UploadFileIcon />}>
            {translate('app.import.choose_file')}
          </Button>
        </label>
        <Typography variant="body2" sx={{ mt: 1, color: 'text.secondary' }}>
          {file ? file.name : translate('app.import.file_hint')}
        </Typography>
      </Box>
      {problem && <Alert severity="warning">{problem}</Alert>}
      <TextField
        label={translate('app.import.text')}
        helperText={translate('app.import.or_paste')}
        multiline
        minRows={8}
        maxRows={20}
        value={text}
        onChange={(event) => setText(event.target.value)}
        disabled={file !== null}
        fullWidth
      />
      <FormControlLabel
        control={
          <Checkbox checked={confidential} onChange={(event) => setConfidential(event.target.checked)} />
        }
        label={translate('app.import.confidential')}
      />
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1 }}>
        {file && (
          <Button onClick={() => setFile(null)} disabled={busy}>
            {translate('app.import.clear_file')}
          </Button>
        )}
        <Button variant="contained" onClick={() => void read()} disabled={busy || (!file && !text.trim())}>
          {translate('app.import.read')}
        </Button>
      </Box>
    </Stack>
  );
};
