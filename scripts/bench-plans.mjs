// `npm run bench:plans [-- --scale nation|province]`: the query plans of the hot reads
// (scripts/bench/console-queries.mjs HOT), as the API really runs them. Starts the built API
// on the bench data set with every SQL statement captured (scripts/bench/capture-sql.mjs),
// makes each hot request once, then writes `EXPLAIN (ANALYZE, BUFFERS)` of each statement it
// sent to bench/plans/<scale>/<name>.txt. `npm run bench` says when these files no longer
// show the statements the API sends (scripts/bench/hot-plans.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { captureHotStatements, plansDirectory } from './bench/hot-plans.mjs';

const { values: args } = parseArgs({ options: { scale: { type: 'string', default: 'nation' } } });
const admin = new URL(process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
admin.pathname = `/dondoc_bench_${args.scale}`;
const url = admin.toString();

const client = new pg.Client({ connectionString: url });
await client.connect();
// As the API's connections run (libs/platform data-source-options: serialQueries).
await client.query('SET max_parallel_workers_per_gather = 0');
const directory = plansDirectory(args.scale);
mkdirSync(directory, { recursive: true });
try {
  await captureHotStatements(url, async (name, hot, statements) => {
    const request = hot.body.variables
      ? `${hot.body.query.replace(/\s+/g, ' ')}\n-- variables: ${JSON.stringify(hot.body.variables)}`
      : hot.body.query.replace(/\s+/g, ' ');
    let out = `-- ${name}: ${statements.length} statement(s) for one request as ${hot.as}\n-- ${request}\n`;
    for (const [i, statement] of statements.entries()) {
      const plan = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.params)).rows
        .map((row) => row['QUERY PLAN'])
        .join('\n');
      out += `\n-- statement ${i + 1}\n${statement.text}\n-- parameters: ${JSON.stringify(statement.params)}\n${plan}\n`;
    }
    writeFileSync(join(directory, `${name}.txt`), out);
    process.stdout.write(`${name}: ${statements.length} statement(s) → ${join(directory, `${name}.txt`)}\n`);
  });
} finally {
  await client.end();
}
