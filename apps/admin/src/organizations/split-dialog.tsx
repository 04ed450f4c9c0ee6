import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { formatDay, todayInVietnam } from '../common/dates';
import { ORGANIZATION_KIND } from '../common/enums';
import { OrganizationPicker } from '../import/organization-picker';
import { graphqlRequest } from '../providers';
import { emptySuccessor, splitInput, type SuccessorRow } from './lineage';
import { SPLIT } from './lineage-queries';
import { ReorganizeDialog } from './reorganize-dialog';
import { WhatMovesText } from './what-moves';

/** "Chia tách": this body ceases; the first successor continues it and takes its open work. */
export const SplitDialog = ({
  source,
  open,
  onClose,
  onDone,
}: {
  source: { id: string; name: string; kind: string };
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const today = todayInVietnam();
  const [rows, setRows] = useState<SuccessorRow[]>(() => [
    emptySuccessor(source.kind),
    emptySuccessor(source.kind),
  ]);
  const [effectiveDate, setEffectiveDate] = useState<string>(today);
  const [created, setCreated] = useState<{ id: string; name: string }[]>([]);
  const prepared = () => splitInput(source.id, rows, effectiveDate);
  const change = (index: number, patch: Partial<SuccessorRow>) =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const names = rows.map((row) => row.name.trim()).join('; ');

  return (
    <ReorganizeDialog
      open={open}
      title={translate('app.lineage.split_title', { name: source.name })}
      check={() => {
        const made = prepared();
        return 'missing' in made ? made.missing : null;
      }}
      form={
        <>
          {rows.map((row, index) => {
            const heading = translate('app.lineage.successor_heading', { n: index + 1 });
            return (
              <Stack
                key={index}
                role="group"
                aria-label={heading}
                spacing={1.5}
                sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, m: 0 }}
              >
                <Box sx={{ display: 'flex', alignItems: 'center' }}>
                  <Typography variant="subtitle2" sx={{ flex: 1 }}>
                    {heading}
                    {index === 0 && ` — ${translate('app.lineage.continues')}`}
                  </Typography>
                  {rows.length > 1 && (
                    <IconButton
                      aria-label={translate('app.lineage.remove_successor', { n: index + 1 })}
                      onClick={() => setRows((current) => current.filter((_row, at) => at !== index))}
                      size="small"
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  )}
                </Box>
                <TextField
                  label={translate('app.lineage.successor_name', { n: index + 1 })}
                  value={row.name}
                  onChange={(event) => change(index, { name: event.target.value })}
                  required
                />
                <TextField
                  select
                  label={translate('app.lineage.successor_kind', { n: index + 1 })}
                  value={row.kind}
                  onChange={(event) => change(index, { kind: event.target.value })}
                  required
                >
                  {ORGANIZATION_KIND.map((kind) => (
                    <MenuItem key={kind} value={kind}>
                      {translate(`domain.organization_kind.${kind}`)}
                    </MenuItem>
                  ))}
                </TextField>
                {/* In a box: the picker's flex basis is meant for a row, not this column. */}
                <Box>
                  <OrganizationPicker
                    value={row.parent}
                    onChange={(parent) => change(index, { parent })}
                    label={translate('app.lineage.successor_parent', { n: index + 1 })}
                  />
                </Box>
              </Stack>
            );
          })}
          <Button
            startIcon={<AddIcon />}
            onClick={() => setRows((current) => [...current, emptySuccessor(source.kind)])}
            sx={{ alignSelf: 'flex-start' }}
          >
            {translate('app.lineage.add_successor')}
          </Button>
          <TextField
            type="date"
            label={translate('app.lineage.effective_date')}
            value={effectiveDate}
            onChange={(event) => setEffectiveDate(event.target.value)}
            required
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
          />
        </>
      }
      confirmation={
        <WhatMovesText
          organizationId={source.id}
          render={(counts) =>
            translate('app.lineage.confirm_split', {
              source: source.name,
              date: formatDay(effectiveDate, locale),
              names,
              first: rows[0]?.name.trim() ?? '',
              ...counts,
            })
          }
        />
      }
      result={
        <>
          {translate('app.lineage.split_done', { source: source.name })}
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {created.map((organization) => (
              <li key={organization.id}>
                <Link to={`/Organization/${organization.id}/show`}>{organization.name}</Link>
              </li>
            ))}
          </Box>
        </>
      }
      onSubmit={async () => {
        const made = prepared();
        if ('missing' in made) throw new Error(made.missing);
        const { splitOrganization } = await graphqlRequest<{
          splitOrganization: { id: string; name: string }[];
        }>(SPLIT, { input: made.input });
        setCreated(splitOrganization);
        onDone();
      }}
      onClose={onClose}
    />
  );
};
