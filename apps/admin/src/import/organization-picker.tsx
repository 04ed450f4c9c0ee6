import { Autocomplete, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useGraphqlQuery } from '../data/use-graphql';
import { SEARCH_ORGANIZATIONS } from './import-queries';

type Option = { id: string; name: string; shortName?: string | null };

/**
 * Finds a body as the user types: the API's `q` matches names, short names and aliases,
 * without diacritics ("hoi nong dan", "MTTQ").
 */
export const OrganizationPicker = ({
  value,
  onChange,
  label,
}: {
  value: { id: string; name: string } | null;
  onChange: (value: { id: string; name: string } | null) => void;
  label: string;
}) => {
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(input), 250);
    return () => clearTimeout(timer);
  }, [input]);
  const { data, isFetching } = useGraphqlQuery<{ allOrganizations: Option[] }>(
    ['organization-search'],
    SEARCH_ORGANIZATIONS,
    { q: query || null },
  );
  return (
    <Autocomplete<Option>
      value={value}
      // While the typed text waits for its answer, the answer to older text is not offered.
      options={input === query && !isFetching ? (data?.allOrganizations ?? []) : []}
      loading={input !== query || isFetching}
      filterOptions={(options) => options}
      getOptionLabel={(option) => option.name}
      isOptionEqualToValue={(option, selected) => option.id === selected.id}
      onChange={(_event, selected) => onChange(selected ? { id: selected.id, name: selected.name } : null)}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input') setInput(text);
      }}
      noOptionsText={translate('app.import.no_organization')}
      loadingText={translate('ra.page.loading')}
      renderOption={(props, option) => (
        <li {...props} key={option.id}>
          {option.name}
          {option.shortName ? ` (${option.shortName})` : ''}
        </li>
      )}
      renderInput={(params) => (
        <TextField {...params} label={label} placeholder={translate('app.import.organization_search')} />
      )}
      sx={{ flex: '2 1 260px', minWidth: 0 }}
    />
  );
};
