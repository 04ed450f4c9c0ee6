import type { ReactElement, ReactNode } from 'react';
import { Datagrid, List } from 'react-admin';
import { AssignmentLinkField } from './assignment-link-field';
import { LIST_SX, ListActions } from './list-actions';
import { useCsvExporter } from './use-csv-exporter';

interface AssignmentRecordListProps {
  /** The react-admin resource: ProgressReport, ExtensionRequest, Inspection. */
  resource: string;
  filters: ReactElement[];
  /** The fields to ask for (ra-data-graphql-simple's sparse fields). */
  fields: { sparseFields: unknown[] };
  /** The columns after the assignment's. */
  children: ReactNode;
}

/**
 * A list of records that each belong to one assignment (reports, extension requests,
 * inspections), newest first. A row opens its assignment's page, because that is where the
 * record is read in its context and acted on.
 */
export const AssignmentRecordList = ({ resource, filters, fields, children }: AssignmentRecordListProps) => {
  const exporter = useCsvExporter(resource);
  return (
    <List
      sx={LIST_SX}
      empty={false}
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      queryOptions={{ meta: fields }}
      actions={<ListActions meta={fields} />}
      exporter={exporter}
    >
      <Datagrid
        rowClick={(_id, _resource, record) =>
          `/Assignment/${String((record as { assignment?: { id: string } }).assignment?.id)}/show`
        }
        bulkActionButtons={false}
      >
        <AssignmentLinkField label={`resources.${resource}.fields.assignment`} sortable={false} />
        {children}
      </Datagrid>
    </List>
  );
};
