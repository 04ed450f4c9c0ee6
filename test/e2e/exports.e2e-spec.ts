import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

import { PeriodSnapshotsService } from '@dondoc/assignments';
import { DEMO_PASSWORD, DemoUsers } from '@dondoc/identity';
import { FixedClock, freePort } from '@dondoc/platform';
import {
  bootApi,
  builtEntry,
  Given,
  graphql,
  redisUrl,
  type RunningApi,
  signIn,
  startProcess,
  waitForExit,
} from '@dondoc/test-support';

import { documentXmlOf, isBold, isItalic, paragraphsOf } from '../../libs/exports/src/testing/docx-text.js';

/**
 * Step 7 of the walkthrough, to the end: after the seed document is published, reported on,
 * gone overdue and inspected, the office exports the report (.docx), the tracking table
 * (.xlsx) and CSV over GraphQL; a worker process makes the files; the office downloads them
 * with its token, and what they say is checked against the database and the API's reads.
 * Someone else's download is 404.
 */
const SEED = readFileSync(
  join(process.cwd(), 'libs/ingestion/test-documents/seed/kon-tum-410-BC-TU-2019.txt'),
  'utf8',
);
const SECRET = 'test-secret-that-is-long-enough-for-hs256';

type Session = Awaited<ReturnType<typeof signIn>>;
interface ExportView {
  id: string;
  status: string;
  format: string;
  url: string | null;
  fileName: string | null;
  error: string | null;
}

describe('exports after the walkthrough', () => {
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  // A Redis database of its own (exports = 10), so no other test's worker takes these jobs.
  const workerRedisUrl = `${redisUrl().replace(/\/\d*$/, '')}/10`;
  const redis = new Redis(workerRedisUrl);
  let api: RunningApi;
  let worker: ReturnType<typeof startProcess> | null = null;
  let office: Session;
  let womensUnion: Session;
  let inspector: Session;
  let documentId: string;

  const ok = async <T>(session: Session, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const { body } = await graphql<T>(api.url, query, variables, session.headers);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  };

  beforeAll(async () => {
    await redis.flushdb();
    api = await bootApi({ JWT_SECRET: SECRET }, { clock });
    const konTum = await new Given(api.app).konTum();
    const org = (key: string) => konTum.get(key)!.id;
    await api.app.get(DemoUsers).ensure();
    office = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    womensUnion = await signIn(api.url, 'phunu@dondoc.local', DEMO_PASSWORD);

    // 1–2. Import, assign as the walkthrough does, publish.
    const { importDocument } = await ok<{
      importDocument: { id: string; tasks: { id: string; number: string }[] };
    }>(
      office,
      'mutation ($input: DocumentInput!) { importDocument(input: $input) { id tasks { id number } } }',
      { input: { fileName: 'kon-tum-410-BC-TU-2019.txt', fileBase64: Buffer.from(SEED).toString('base64') } },
    );
    documentId = importDocument.id;
    const task = Object.fromEntries(importDocument.tasks.map((t) => [t.number, t.id]));
    const plan = (ids: string[], role = 'LEAD') =>
      ids.map((organizationId) => ({ organizationId, role, dueDate: '2027-03-31', cadence: 'QUARTERLY' }));
    const districts = [...konTum.keys()].filter((key) => /^kt\.\w+\.(hu|thu)$/.test(key)).map(org);
    const five = ['kt.mttq', 'kt.td', 'kt.pn', 'kt.nd', 'kt.ccb', 'kt.ldld'].map(org);
    const setAssignees =
      'mutation ($taskId: ID!, $assignees: [AssigneeInput!]!) { setTaskAssignees(taskId: $taskId, assignees: $assignees) { id } }';
    for (const [number, assignees] of [
      ['1', [...plan([org('kt.tu.bdv')]), ...plan(districts, 'COORDINATE')]],
      ['1.1', plan([org('kt.tu.ubkt')])],
      ['2', [...plan([org('kt.ubnd')]), ...plan(five, 'COORDINATE')]],
      ['2.1', plan([org('kt.ubnd')])],
    ] as const) {
      await ok(office, setAssignees, { taskId: task[number], assignees });
      await ok(office, 'mutation ($id: ID!) { updateTask(id: $id, kind: JOINT) { kind } }', {
        id: task[number],
      });
    }
    for (const number of ['3', '3.1']) {
      await ok(office, 'mutation ($id: ID!) { updateTask(id: $id, kind: SHARED) { kind } }', {
        id: task[number],
      });
      await ok(office, setAssignees, { taskId: task[number], assignees: plan(five) });
    }
    await ok(office, 'mutation ($id: ID!) { deleteTask(id: $id) { id } }', { id: task['3.2'] });
    await ok(office, 'mutation ($id: ID!) { publishDocument(id: $id) { status } }', { id: documentId });

    // 3–4. The Union reports 45 % on its own task; the office accepts.
    const { allAssignments } = await ok<{
      allAssignments: { id: string; role: string; task: { number: string } }[];
    }>(womensUnion, '{ allAssignments(perPage: 100) { id role task { number } } }');
    const own = allAssignments.find((a) => a.task.number === '3' && a.role === 'LEAD')!;
    const { submitProgressReport } = await ok<{ submitProgressReport: { id: string } }>(
      womensUnion,
      'mutation ($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { id } }',
      {
        input: {
          assignmentId: own.id,
          period: '2026-Q4',
          percentComplete: 45,
          results: 'Đã tổ chức 12 hội nghị, 1.250 hội viên tham gia',
        },
      },
    );
    await ok(office, 'mutation ($id: ID!) { reviewProgressReport(id: $id, decision: ACCEPT) { status } }', {
      id: submitProgressReport.id,
    });

    // 5–6. The due date passes; the quarter's figures are frozen; an inspector records a finding.
    clock.set('2027-04-05T03:00:00Z');
    office = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    womensUnion = await signIn(api.url, 'phunu@dondoc.local', DEMO_PASSWORD);
    inspector = await signIn(api.url, 'kiemtra@dondoc.local', DEMO_PASSWORD);
    await new PeriodSnapshotsService(api.app.get(DataSource)).take('2027-04-05');
    const unionOverdue = allAssignments.find((a) => a.task.number === '2')!;
    await ok(inspector, 'mutation ($i: RecordInspectionInput!) { recordInspection(input: $i) { id } }', {
      i: {
        assignmentId: unionOverdue.id,
        finding: 'Chậm phối hợp triển khai kế hoạch',
        severity: 'HIGH',
        remedy: 'Hoàn thành kế hoạch phối hợp trong tháng 4',
        followUpDate: '2027-04-30',
      },
    });

    // The worker, as production runs it, against the API's database.
    worker = startProcess([builtEntry('worker')], {
      DATABASE_URL: api.database.url,
      REDIS_URL: workerRedisUrl,
      JWT_SECRET: SECRET,
      WORKER_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    });
  });

  afterAll(async () => {
    if (worker) {
      worker.kill('SIGTERM');
      await waitForExit(worker, 20_000).catch(() => worker?.kill('SIGKILL'));
    }
    redis.disconnect();
    await api?.close();
  });

  const exported = new Map<string, { view: ExportView; bytes: Buffer; response: Response }>();
  async function exportAndDownload(format: 'DOCX' | 'XLSX' | 'CSV') {
    const cached = exported.get(format);
    if (cached) return cached;
    const { exportReport } = await ok<{ exportReport: ExportView }>(
      office,
      'mutation ($input: ExportReportInput!) { exportReport(input: $input) { id status format url fileName error } }',
      { input: { documentId, format } },
    );
    expect(exportReport).toMatchObject({ status: 'PENDING', format, url: null });
    let view = exportReport;
    for (let waited = 0; view.status === 'PENDING' || view.status === 'RUNNING'; waited += 250) {
      if (waited > 60_000) throw new Error(`export ${format} still ${view.status}\n${worker?.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
      view = (
        await ok<{ Export: ExportView }>(
          office,
          'query ($id: ID!) { Export(id: $id) { id status format url fileName error } }',
          {
            id: exportReport.id,
          },
        )
      ).Export;
    }
    expect(view).toMatchObject({ status: 'DONE', url: `/exports/${exportReport.id}/file`, error: null });
    const response = await fetch(`${api.url}${view.url}`, { headers: office.headers });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const result = { view, bytes, response };
    exported.set(format, result);
    return result;
  }

  /** What the office reads over GraphQL: the reference for every file. */
  async function reads() {
    const { allAssignments, dashboard } = await ok<{
      allAssignments: {
        id: string;
        timeliness: string;
        percentComplete: number;
        daysOverdue: number;
        organization: { name: string };
        task: { text: string };
      }[];
      dashboard: { total: number; byTimeliness: { timeliness: string; count: number }[] };
    }>(
      office,
      `query ($d: ID!) {
        allAssignments(perPage: 1000, filter: { documentId: $d }) { id timeliness percentComplete daysOverdue organization { name } task { text } }
        dashboard(filter: { documentId: $d }) { total byTimeliness { timeliness count } }
      }`,
      { d: documentId },
    );
    const count = Object.fromEntries(dashboard.byTimeliness.map((t) => [t.timeliness, t.count]));
    return { allAssignments, dashboard, count };
  }

  it('exports the tracking table as CSV (UTF-8 with BOM) whose rows are the assignments the office reads', async () => {
    const { bytes, response, view } = await exportAndDownload('CSV');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(view.fileName).toBe('Bảng theo dõi nhiệm vụ 410-BC-TU 2027-04-05.csv');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Bang theo doi nhiem vu 410-BC-TU 2027-04-05.csv"; filename*=UTF-8''${encodeURIComponent(view.fileName!)}`,
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'STT,Nội dung nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Thời hạn (ban đầu),Thời hạn (hiện tại),Tiến độ (%),Tình trạng,Kết quả / ghi chú',
    );
    const { allAssignments, count } = await reads();
    expect(lines).toHaveLength(1 + allAssignments.length);
    const overdueLines = lines.filter((line) => line.includes(',Quá hạn (chưa hoàn thành),'));
    expect(overdueLines).toHaveLength(count.OVERDUE!);
    const unionLine = lines.find((line) => line.includes('Đã tổ chức 12 hội nghị, 1.250 hội viên tham gia'));
    expect(unionLine).toMatch(
      /,Hội Liên hiệp Phụ nữ tỉnh,,31\/03\/2027,31\/03\/2027,45,Quá hạn \(chưa hoàn thành\),"Quá hạn 5 ngày\. Đã tổ chức/,
    );
  });

  it('exports the tracking table (.xlsx): every assignment with its timeliness, and the frozen quarter per body', async () => {
    const { bytes, response } = await exportAndDownload('XLSX');
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Theo dõi nhiệm vụ')!;
    const { allAssignments, count } = await reads();
    expect(sheet.rowCount - 1).toBe(allAssignments.length);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const labels: Record<string, string> = {
      ON_TRACK: 'Đang thực hiện trong hạn',
      DUE_SOON: 'Sắp đến hạn',
      OVERDUE: 'Quá hạn (chưa hoàn thành)',
      COMPLETED_ON_TIME: 'Hoàn thành đúng hạn',
      COMPLETED_LATE: 'Hoàn thành quá hạn',
      CANCELLED: 'Đã hủy',
    };
    const inSheet = new Map<string, number>();
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const label = String(row.getCell(8).value);
      inSheet.set(label, (inSheet.get(label) ?? 0) + 1);
    });
    for (const [timeliness, label] of Object.entries(labels)) {
      expect(inSheet.get(label) ?? 0).toBe(count[timeliness] ?? 0);
    }

    // The second sheet is period_snapshots, counted here straight from the table.
    const frozen = (await api.app.get(DataSource).query(
      `SELECT s.period, o.name, count(*)::int AS total,
              count(*) FILTER (WHERE s.timeliness = 'COMPLETED_ON_TIME')::int AS on_time,
              count(*) FILTER (WHERE s.timeliness = 'OVERDUE')::int AS overdue
         FROM period_snapshots s JOIN organizations o ON o.id = s.organization_id
        WHERE s.document_id = $1 GROUP BY 1, 2`,
      [documentId],
    )) as { period: string; name: string; total: number; on_time: number; overdue: number }[];
    expect(frozen.length).toBeGreaterThan(0);
    const rates = workbook.getWorksheet('Tỷ lệ đúng hạn theo kỳ')!;
    expect(rates.rowCount - 1).toBe(frozen.length);
    for (const row of frozen) {
      const line = [...Array(rates.rowCount).keys()]
        .map((i) => rates.getRow(i + 1))
        .find((r) => r.getCell(1).value === row.period && r.getCell(2).value === row.name)!;
      expect([line.getCell(3).value, line.getCell(4).value, line.getCell(7).value]).toEqual([
        row.total,
        row.on_time,
        row.overdue,
      ]);
    }
  });

  it('exports the consolidated report (.docx) in the Party layout with the figures, the bodies and the overdue items', async () => {
    const { bytes, response, view } = await exportAndDownload('DOCX');
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(view.fileName).toBe('Báo cáo tình hình thực hiện 410-BC-TU 2027-04-05.docx');
    const xml = await documentXmlOf(bytes);
    const paragraphs = paragraphsOf(xml);
    const texts = paragraphs.map((p) => p.text);
    const find = (text: string) => paragraphs.find((p) => p.text === text)!;
    expect(texts.slice(0, 5)).toEqual([
      'TỈNH ỦY KON TUM',
      '*',
      'Số       -BC/TU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Kon Tum, ngày 05 tháng 4 năm 2027',
    ]);
    expect(isBold(find('TỈNH ỦY KON TUM')) && isBold(find('ĐẢNG CỘNG SẢN VIỆT NAM'))).toBe(true);
    expect(isItalic(find('Kon Tum, ngày 05 tháng 4 năm 2027'))).toBe(true);
    expect(texts).toContain('BÁO CÁO');
    expect(texts[texts.indexOf('BÁO CÁO') + 1]).toMatch(
      /^tình hình thực hiện nhiệm vụ theo Báo cáo số 410-BC\/TU, ngày 13-5-2019 về tổng kết 10 năm thực hiện Kết luận số 62-KL\/TW/,
    );

    const { dashboard, count, allAssignments } = await reads();
    expect(texts).toContain(`Tổng số nhiệm vụ được giao: ${dashboard.total} nhiệm vụ, trong đó:`);
    const category = (label: string) =>
      Number(
        new RegExp(`^- ${label}: (\\d+) nhiệm vụ`).exec(texts.find((t) => t.startsWith(`- ${label}:`))!)![1],
      );
    expect(category('Hoàn thành đúng hạn')).toBe(count.COMPLETED_ON_TIME ?? 0);
    expect(category('Hoàn thành quá hạn')).toBe(count.COMPLETED_LATE ?? 0);
    expect(category('Chưa hoàn thành, còn trong hạn')).toBe((count.ON_TRACK ?? 0) + (count.DUE_SOON ?? 0));
    expect(category('Chưa hoàn thành, đã quá hạn')).toBe(count.OVERDUE ?? 0);

    // The table by organization: one row per body, totals adding up to the dashboard's.
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) => t);
    const rows = [...tables[1]!.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([r]) =>
      paragraphsOf(r).map((p) => p.text),
    );
    const bodies = new Set(allAssignments.map((a) => a.organization.name));
    expect(
      rows
        .slice(1, -1)
        .map((r) => r[1])
        .sort(),
    ).toEqual([...bodies].sort());
    expect(rows.at(-1)!.slice(1, 3)).toEqual(['Tổng cộng', String(dashboard.total)]);
    const union = rows.find((r) => r[1] === 'Hội Liên hiệp Phụ nữ tỉnh')!;
    const unionReads = allAssignments.filter((a) => a.organization.name === 'Hội Liên hiệp Phụ nữ tỉnh');
    expect(union[2]).toBe(String(unionReads.length));
    expect(union[6]).toBe(String(unionReads.filter((a) => a.timeliness === 'OVERDUE').length));

    // Every overdue item, with its days overdue; the Union's with the inspector's finding.
    const overdue = allAssignments.filter((a) => a.timeliness === 'OVERDUE');
    const items = texts.filter((t) => /^\d+\. .+: .+quá hạn \d+ ngày; tiến độ \d+ %\)\.$/.test(t));
    expect(items).toHaveLength(overdue.length);
    for (const a of overdue) {
      expect(
        items.some(
          (t) => t.includes(`${a.organization.name}: `) && t.includes(`quá hạn ${a.daysOverdue} ngày`),
        ),
      ).toBe(true);
    }
    expect(texts).toContain(
      '- Kết luận kiểm tra: Chậm phối hợp triển khai kế hoạch (mức độ cao); yêu cầu khắc phục: Hoàn thành kế hoạch phối hợp trong tháng 4; thời hạn kiểm tra lại: 30-4-2027; đang theo dõi khắc phục.',
    );
    expect(texts.slice(-8)).toEqual(
      expect.arrayContaining([
        'Nơi nhận:',
        '- Ban Dân vận Trung ương (b/c),',
        '- Lưu Văn phòng Tỉnh uỷ.',
        'T/M BAN THƯỜNG VỤ',
        'PHÓ BÍ THƯ',
      ]),
    );
  });

  it("keeps the files to their requester: another user's download is 404, no token is 401", async () => {
    const { view } = await exportAndDownload('CSV');
    const foreign = await fetch(`${api.url}${view.url}`, { headers: inspector.headers });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain('STT');
    const anonymous = await fetch(`${api.url}${view.url}`);
    expect(anonymous.status).toBe(401);
    const { body } = await graphql(
      api.url,
      'query ($id: ID!) { Export(id: $id) { id } }',
      { id: view.id },
      inspector.headers,
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Officers do not export at all.
    const refused = await graphql(
      api.url,
      'mutation ($d: ID!) { exportReport(input: { documentId: $d, format: CSV }) { id } }',
      { d: documentId },
      womensUnion.headers,
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
