import { Chip, type ChipProps } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime, formatDay } from './dates';

const TIMELINESS_COLOR: Record<string, ChipProps['color']> = {
  ON_TRACK: 'info',
  DUE_SOON: 'warning',
  OVERDUE: 'error',
  COMPLETED_ON_TIME: 'success',
  COMPLETED_LATE: 'secondary',
  CANCELLED: 'default',
};

/** A value read at a dotted path of the record. */
function valueAt(record: unknown, source: string): unknown {
  return source
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | null | undefined)?.[key], record);
}

/** An enum value as words: `domain.<domain>.<VALUE>`. */
export const EnumField = ({
  source,
  domain,
}: {
  source: string;
  domain: string;
  label?: string;
  sortable?: boolean;
}) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = valueAt(record, source);
  if (typeof value !== 'string') return null;
  return <span>{translate(`domain.${domain}.${value}`, { _: value })}</span>;
};

export const TimelinessChip = ({ value }: { value: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={TIMELINESS_COLOR[value] ?? 'default'}
      label={translate(`domain.timeliness.${value}`, { _: value })}
    />
  );
};

export const TimelinessField = ({
  source = 'timeliness',
}: {
  source?: string;
  label?: string;
  sortable?: boolean;
}) => {
  const record = useRecordContext();
  const value = valueAt(record, source);
  return typeof value === 'string' ? <TimelinessChip value={value} /> : null;
};

/** A calendar day (YYYY-MM-DD) without time-zone surprises. */
export const DayField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const value = valueAt(record, source);
  return <span>{typeof value === 'string' ? formatDay(value, locale) : ''}</span>;
};

export const InstantField = ({ source }: { source: string; label?: string; sortable?: boolean }) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const value = valueAt(record, source);
  return <span>{typeof value === 'string' ? formatDateTime(value, locale) : ''}</span>;
};

/** Long text cut to a line or two in lists; the full text is on the show page. */
export const ShortTextField = ({
  source,
  length = 140,
}: {
  source: string;
  length?: number;
  label?: string;
  sortable?: boolean;
}) => {
  const record = useRecordContext();
  const value = valueAt(record, source);
  if (typeof value !== 'string') return null;
  return (
    <span title={value.length > length ? value : undefined}>
      {value.length > length ? `${value.slice(0, length)}…` : value}
    </span>
  );
};
