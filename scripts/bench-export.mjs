// `npm run bench:export`: how long the worker's export job takes to make the tracking table
// (.xlsx) of 10,000 assignments — read them in the requester's scope, count them, write the
// workbook, store it in the row — median of RUNS runs (default 3). The job is the built
// ExportGenerator the worker runs, called in-process (no queue wait counted). A database of
// its own on the machine's PostgreSQL, seeded with multi-row inserts.
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';

import { seededBenchDatabase } from './bench/seeded-database.mjs';

const COUNT = Number(process.env.ASSIGNMENTS ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 3);
const DATABASE = 'dondoc_bench_export';

const { url, env, drop } = await seededBenchDatabase(DATABASE);

const db = new pg.Client({ connectionString: url });
await db.connect();
process.stdout.write(`Preparing ${COUNT} assignments of one document over the province's bodies…\n`);
const [{ documentid, officeid, adminid }] = (
  await db.query(`
    WITH office AS (SELECT id, path FROM organizations WHERE key = 'kt.tu'),
         doc AS (INSERT INTO documents (status, number, type, issuer, place, date, title, text, owner_organization_id, owner_path)
                 SELECT 'PUBLISHED', '999-KL/TU', 'KẾT LUẬN', 'TỈNH ỦY KON TUM', 'Kon Tum', DATE '2026-01-10',
                        'về công tác dân vận', 'Văn bản thử', id, path FROM office RETURNING id, owner_organization_id)
    SELECT doc.id AS documentid, doc.owner_organization_id AS officeid,
           (SELECT id FROM users WHERE email = 'admin@dondoc.local') AS adminid
      FROM doc`)
).rows;
const bodies = Number(
  (await db.query(`SELECT count(*)::int AS n FROM organizations WHERE level <> 'CENTRAL'`)).rows[0].n,
);
// (task, organization) is unique: as many tasks as it takes for COUNT pairs.
await db.query(
  `INSERT INTO tasks (document_id, number, position, text)
   SELECT $1, n::text, n, 'Nhiệm vụ thử nghiệm số ' || n || ': tiếp tục đổi mới nội dung, phương thức hoạt động, báo cáo kết quả hằng quý'
     FROM generate_series(1, $2) AS n`,
  [documentid, Math.ceil(COUNT / bodies)],
);
// A mix of every timeliness as of 2027-04-05: statuses and due dates cycle with the row number.
await db.query(
  `INSERT INTO assignments (task_id, document_id, organization_id, organization_path, assigned_by_organization_id,
                            role, status, due_date, baseline_due_date, cadence, percent_complete, completed_on,
                            completion_summary)
   SELECT t.id, $1, o.id, o.path, $2, CASE WHEN r % 4 = 0 THEN 'COORDINATE' ELSE 'LEAD' END,
          (ARRAY['NOT_STARTED','IN_PROGRESS','COMPLETED','COMPLETED','IN_PROGRESS'])[1 + r % 5],
          DATE '2027-03-01' + (r % 90)::int, DATE '2027-03-01' + (r % 90)::int, 'QUARTERLY',
          CASE WHEN r % 5 IN (2, 3) THEN 100 ELSE (r * 7) % 100 END,
          CASE WHEN r % 5 IN (2, 3) THEN DATE '2027-03-01' + (r % 60)::int END,
          CASE WHEN r % 5 IN (2, 3) THEN 'Đã hoàn thành, có báo cáo kết quả số ' || r END
     FROM (SELECT t.id, o.id AS oid, row_number() OVER () AS r
             FROM tasks t CROSS JOIN organizations o
            WHERE t.document_id = $1 AND o.level <> 'CENTRAL' LIMIT $3) AS t
     JOIN organizations o ON o.id = t.oid`,
  [documentid, officeid, COUNT],
);
await db.query('ANALYZE');
const assignments = (await db.query('SELECT count(*)::int AS n FROM assignments')).rows[0].n;

// The built lib, as the worker loads it.
const platform = await import('../dist/libs/platform/src/index.js');
const exportsLib = await import('../dist/libs/exports/src/index.js');
const clock = new platform.FixedClock('2027-04-05T03:00:00Z');
class BenchModule {}
Module({
  imports: [
    platform.AppConfigModule.forRoot(platform.loadConfig(env)),
    platform.ClockModule.forRoot(clock),
    platform.DatabaseModule.forRoot({ applicationName: 'dondoc-bench-export', budget: 'background' }),
    exportsLib.ExportsModule,
  ],
})(BenchModule);
const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
const service = app.get(exportsLib.ExportsService);
const generator = app.get(exportsLib.ExportGenerator);
const requester = {
  userId: adminid,
  organizationId: officeid,
  scope: { kind: 'all' },
  audit: { actorId: adminid, actorOrganizationId: officeid, requestId: null },
};

const times = [];
let last;
for (let run = 0; run < RUNS; run++) {
  const requested = await service.request(requester, {
    documentId: documentid,
    format: exportsLib.ExportFormat.XLSX,
  });
  const started = performance.now();
  const status = await generator.generate(requested.id);
  times.push((performance.now() - started) / 1000);
  if (status !== 'DONE') throw new Error(`export ${requested.id} ended ${status}`);
  last = await service.file(adminid, requested.id);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];

// Where the time goes, once more outside the job: reading and counting, then writing.
const readStarted = performance.now();
const data = await app.get(exportsLib.ReportDataService).gather({
  scope: requester.scope,
  requesterOrganizationId: officeid,
  documentId: documentid,
  organizationId: null,
  asOf: clock.now(),
});
const readSeconds = (performance.now() - readStarted) / 1000;
const writeStarted = performance.now();
await (await import('../dist/libs/exports/src/xlsx-writer.js')).writeXlsx(data);
const writeSeconds = (performance.now() - writeStarted) / 1000;

// The file holds every assignment: read it back.
const ExcelJS = (await import('exceljs')).default;
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(last.content);
const rows = workbook.getWorksheet(exportsLib.TRACKING_SHEET).rowCount - 1;
if (rows !== assignments) throw new Error(`the table has ${rows} rows for ${assignments} assignments`);

process.stdout.write(
  `Tracking table (.xlsx) of ${assignments} assignments: median ${median.toFixed(2)} s over ${RUNS} runs ` +
    `(${times.map((t) => t.toFixed(2)).join(' / ')} s); ${(last.content.length / 1024 / 1024).toFixed(1)} MB, ` +
    `${rows} rows read back; one more run split: reading ${readSeconds.toFixed(2)} s, writing ${writeSeconds.toFixed(2)} s ` +
    `(load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs)\n`,
);
await app.close();
await db.end();
await drop();
