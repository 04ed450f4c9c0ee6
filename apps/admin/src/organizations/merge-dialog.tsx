import { Box, TextField } from '@mui/material';
import { useState } from 'react';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { formatDay, todayInVietnam } from '../common/dates';
import { graphqlRequest } from '../providers';
import { OrganizationPicker } from '../import/organization-picker';
import { mergeInput } from './lineage';
import { MERGE } from './lineage-queries';
import { ReorganizeDialog } from './reorganize-dialog';
import { WhatMovesText } from './what-moves';

/** "Sáp nhập": this body ceases and its open work, people and child bodies go to the target. */
export const MergeDialog = ({
  source,
  open,
  onClose,
  onDone,
}: {
  source: { id: string; name: string };
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const today = todayInVietnam();
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null);
  const [effectiveDate, setEffectiveDate] = useState<string>(today);
  const [note, setNote] = useState('');
  const [merged, setMerged] = useState<{ id: string; name: string } | null>(null);
  const prepared = () => mergeInput(source.id, target, effectiveDate, note);

  return (
    <ReorganizeDialog
      open={open}
      title={translate('app.lineage.merge_title', { name: source.name })}
      check={() => {
        const made = prepared();
        return 'missing' in made ? made.missing : null;
      }}
      form={
        <>
          {/* In a box: the picker's flex basis is meant for a row, not this column. */}
          <Box>
            <OrganizationPicker value={target} onChange={setTarget} label={translate('app.lineage.target')} />
          </Box>
          <TextField
            type="date"
            label={translate('app.lineage.effective_date')}
            value={effectiveDate}
            onChange={(event) => setEffectiveDate(event.target.value)}
            required
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
          />
          <TextField
            label={translate('app.lineage.note')}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            multiline
            minRows={2}
          />
        </>
      }
      confirmation={
        <WhatMovesText
          organizationId={source.id}
          render={(counts) =>
            translate('app.lineage.confirm_merge', {
              source: source.name,
              target: target?.name ?? '',
              date: formatDay(effectiveDate, locale),
              ...counts,
            })
          }
        />
      }
      result={
        merged && (
          <>
            {translate('app.lineage.merged', { source: source.name, target: merged.name })}{' '}
            <Link to={`/Organization/${merged.id}/show`}>
              {translate('app.lineage.open', { name: merged.name })}
            </Link>
          </>
        )
      }
      onSubmit={async () => {
        const made = prepared();
        if ('missing' in made) throw new Error(made.missing);
        const { mergeOrganizations } = await graphqlRequest<{
          mergeOrganizations: { id: string; name: string };
        }>(MERGE, { input: made.input });
        setMerged(mergeOrganizations);
        onDone();
      }}
      onClose={onClose}
    />
  );
};
