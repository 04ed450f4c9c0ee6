import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { ExportButton, FilterButton, TopToolbar, useResourceContext, useTranslate } from 'react-admin';

/** The list's name as the page's heading, so every list has an h1 to find it by. */
const ListHeading = () => {
  const resource = useResourceContext();
  const translate = useTranslate();
  return (
    <Typography component="h1" variant="h6" sx={{ mr: 'auto', alignSelf: 'center' }}>
      {translate(`resources.${resource ?? ''}.name`, { smart_count: 2, _: resource ?? '' })}
    </Typography>
  );
};

/** Heading, filters, then CSV export of what the filters select (with the list's own sparse fields). */
export const ListActions = ({ meta, children }: { meta?: Record<string, unknown>; children?: ReactNode }) => (
  <TopToolbar sx={{ flexWrap: 'wrap', width: '100%' }}>
    <ListHeading />
    {children}
    <FilterButton />
    <ExportButton meta={meta} />
  </TopToolbar>
);

/**
 * A wide table scrolls inside its card instead of pushing the page past a tablet's width.
 * Lists also pass `empty={false}`, so an empty list keeps its heading, filters and export.
 */
export const LIST_SX = { '& .RaList-content': { overflowX: 'auto' } } as const;
