// What the test suite takes from the soak (test/e2e/soak.e2e-spec.ts); types in index.d.mts.
export { startCluster } from '../cluster/index.mjs';
export { freshDatabase, SOAK_AUDIT_KEY, SOAK_JWT_SECRET } from './database.mjs';
export { apiKill, postgresRestart, redisRestart, waitSchedulers } from './faults.mjs';
export { startPrivatePostgres } from './private-postgres.mjs';
export { halfWrittenInDatabase, reconcile } from './reconcile.mjs';
export { passed, prepareSoak } from './run.mjs';
export { formatSoak } from './table.mjs';
