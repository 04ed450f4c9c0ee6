export * from './test-database.js';
export * from './test-services.js';
export * from './boot-api.js';
export * from './spawn-built.js';
export * from './given.js';
export * from './audit-tampering.js';
export * from './pgbouncer.js';
export * from './pg-rows.js';
