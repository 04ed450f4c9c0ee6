const EXPORT_FIELDS = 'id status url fileName error';

export const EXPORT_REPORT = `mutation ExportReport($input: ExportReportInput!) {
  exportReport(input: $input) { ${EXPORT_FIELDS} }
}`;

export const READ_EXPORT = `query ReadExport($id: ID!) { Export(id: $id) { ${EXPORT_FIELDS} } }`;
