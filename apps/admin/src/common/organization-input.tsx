import { AutocompleteInput, ReferenceInput } from 'react-admin';

/**
 * Picks a body by typing part of its name, short name or an alias, with or without
 * diacritics ("hoi nong dan", "MTTQ"): the API's `q` matches all of them.
 */
export const OrganizationInput = ({
  source,
  label,
  alwaysOn,
}: {
  source: string;
  label?: string;
  alwaysOn?: boolean;
}) => (
  <ReferenceInput
    source={source}
    reference="Organization"
    sort={{ field: 'path', order: 'ASC' }}
    alwaysOn={alwaysOn}
  >
    <AutocompleteInput
      label={label}
      filterToQuery={(q: string) => ({ q })}
      optionText="name"
      sx={{ minWidth: 240 }}
    />
  </ReferenceInput>
);

export const DocumentInput = ({ source, label }: { source: string; label?: string }) => (
  <ReferenceInput source={source} reference="Document" sort={{ field: 'createdAt', order: 'DESC' }}>
    <AutocompleteInput
      label={label}
      filterToQuery={(q: string) => ({ q })}
      optionText={(record: { number?: string; title?: string }) => record.number ?? record.title ?? ''}
      sx={{ minWidth: 240 }}
    />
  </ReferenceInput>
);
