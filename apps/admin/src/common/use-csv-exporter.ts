import { downloadCSV, type Exporter, useTranslate } from 'react-admin';
import { recordsToCsv } from './csv';

/**
 * react-admin's exporter for any list: every column of the records as fetched, headed by
 * the catalogue's field labels, UTF-8 with a BOM and formula-like cells made inert.
 */
export function useCsvExporter(resource: string): Exporter {
  const translate = useTranslate();
  return (records) => {
    const csv = recordsToCsv(records as object[], (column) =>
      translate(`resources.${resource}.fields.${column}`, { _: column }),
    );
    // downloadCSV writes the string as it is: the BOM is already in it.
    downloadCSV(csv, translate(`resources.${resource}.name`, { smart_count: 2, _: resource }));
  };
}
