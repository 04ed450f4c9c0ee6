// The file writers are not exported: the generator loads them when a file is made.
export * from './export.entity.js';
export * from './export-file-name.js';
export * from './export-generator.js';
export * from './exports.errors.js';
export * from './exports.module.js';
export * from './exports.service.js';
export * from './report-data.js';
export * from './report-data.service.js';
export * from './report-labels.js';
export * from './spreadsheet-safe.js';
export * from './tracking-columns.js';
