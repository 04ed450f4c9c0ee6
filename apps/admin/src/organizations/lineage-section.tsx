import CallMergeIcon from '@mui/icons-material/CallMerge';
import CallSplitIcon from '@mui/icons-material/CallSplit';
import { Box, Typography } from '@mui/material';
import { Fragment, useState } from 'react';
import { Button, Link, useLocaleState, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useAllowed } from '../auth/use-allowed';
import { formatDay } from '../common/dates';
import { useGraphqlQuery, useInvalidateGraphql } from '../data/use-graphql';
import { LINEAGE, type Lineage } from './lineage-queries';
import { MergeDialog } from './merge-dialog';
import { SplitDialog } from './split-dialog';

type OrganizationRecord = { id: string; name: string; kind: string; active: boolean };

const Links = ({ label, bodies }: { label: string; bodies: { id: string; name: string }[] }) =>
  bodies.length === 0 ? null : (
    <Box>
      <Typography variant="caption" component="h2" sx={{ color: 'text.secondary' }}>
        {label}
      </Typography>
      <Typography component="p">
        {bodies.map((body, index) => (
          <Fragment key={body.id}>
            {index > 0 && ', '}
            <Link to={`/Organization/${body.id}/show`}>{body.name}</Link>
          </Fragment>
        ))}
      </Typography>
    </Box>
  );

/** The day the body ceased, the bodies it came from, and those it went into, as links. */
export const LineageSection = () => {
  const record = useRecordContext<OrganizationRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useGraphqlQuery<Lineage>(
    ['lineage', record?.id],
    LINEAGE,
    { id: record?.id },
    {
      enabled: Boolean(record?.id),
    },
  );
  const lineage = data?.Organization;
  if (!lineage) return null;
  return (
    <Box sx={{ display: 'grid', gap: 1 }} aria-label={translate('app.lineage.heading')} role="region">
      {lineage.dissolvedOn && (
        <Box>
          <Typography variant="caption" component="h2" sx={{ color: 'text.secondary' }}>
            {translate('app.lineage.dissolved_on')}
          </Typography>
          <Typography component="p">{formatDay(lineage.dissolvedOn, locale)}</Typography>
        </Box>
      )}
      <Links label={translate('app.lineage.predecessors')} bodies={lineage.predecessors} />
      <Links label={translate('app.lineage.successors')} bodies={lineage.successors} />
    </Box>
  );
};

/** "Sáp nhập" and "Chia tách", for administrators, on a body that is still active. */
export const ReorganizeButtons = () => {
  const record = useRecordContext<OrganizationRecord>();
  const { reorganize } = useAllowed('Organization', ['reorganize']);
  const [open, setOpen] = useState<'merge' | 'split' | null>(null);
  const refresh = useRefresh();
  const invalidate = useInvalidateGraphql();
  if (!record || !reorganize) return null;
  const done = () => {
    void invalidate();
    refresh();
  };
  return (
    <>
      {/* A body that has ceased cannot be merged or split again; the dialog that ended it
          stays open (the record now says inactive) until its result is read. */}
      {record.active && (
        <>
          <Button label="app.lineage.merge" onClick={() => setOpen('merge')}>
            <CallMergeIcon />
          </Button>
          <Button label="app.lineage.split" onClick={() => setOpen('split')}>
            <CallSplitIcon />
          </Button>
        </>
      )}
      <MergeDialog source={record} open={open === 'merge'} onClose={() => setOpen(null)} onDone={done} />
      <SplitDialog source={record} open={open === 'split'} onClose={() => setOpen(null)} onDone={done} />
    </>
  );
};
