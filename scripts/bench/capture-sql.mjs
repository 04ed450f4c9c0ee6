// Loaded into the API with `node --import` by scripts/bench-plans.mjs: appends every SQL
// statement the API sends (text and parameters, one JSON line each) to CAPTURE_SQL_FILE,
// so the plans kept under bench/plans are those of the queries the product really runs.
import { appendFileSync } from 'node:fs';

import pg from 'pg';

const file = process.env.CAPTURE_SQL_FILE;
if (file) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function capture(config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : config?.values;
    if (typeof text === 'string') appendFileSync(file, `${JSON.stringify({ text, params: params ?? [] })}\n`);
    return query.call(this, config, values, callback);
  };
}
