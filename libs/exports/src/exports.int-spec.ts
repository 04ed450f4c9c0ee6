import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';

import {
  DashboardService,
  DEFAULT_WARNING_DAYS,
  timelinessColumnsOf,
  timelinessSql,
} from '@dondoc/assignments';
import { type AccessScope, OrganizationsModule, type Organization } from '@dondoc/organizations';
import {
  AppConfigModule,
  buildDataSourceOptions,
  ClockModule,
  DomainErrorCode,
  FixedClock,
  loadConfig,
  OutboxModule,
} from '@dondoc/platform';
import { createTestDatabase, Given, TEST_AUDIT_KEY, type TestDatabase } from '@dondoc/test-support';
import type { INestApplication } from '@nestjs/common';

import { ExportFormat, ExportStatus } from './export.entity.js';
import { ExportGenerator } from './export-generator.js';
import { ExportsModule } from './exports.module.js';
import { ExportsService, type ExportRequester } from './exports.service.js';
import { ReportDataService } from './report-data.service.js';
import { RATES_SHEET, TRACKING_SHEET } from './xlsx-writer.js';

/**
 * The export's figures against the database: the same scoped rows and counts as the
 * dashboard, the jobs' idempotence (DONE stays, RUNNING is taken again, a failure is kept
 * on the row) and that an export is its requester's own.
 */
describe('exports against the database', () => {
  const clock = new FixedClock('2027-04-05T03:00:00Z');
  let database: TestDatabase;
  let app: TestingModule;
  let dataSource: DataSource;
  let org: Map<string, Organization>;
  let documentId: string;
  let office: ExportRequester;
  let womensUnion: ExportRequester;
  const unionAssignments: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(loadConfig({ NODE_ENV: 'test', AUDIT_KEY: TEST_AUDIT_KEY })),
        ClockModule.forRoot(clock),
        TypeOrmModule.forRoot({ ...buildDataSourceOptions({ url: database.url }), autoLoadEntities: true }),
        OutboxModule,
        OrganizationsModule,
        ExportsModule,
      ],
    }).compile();
    dataSource = app.get(DataSource);
    org = await new Given(app as unknown as INestApplication).konTum();
    const user = async (email: string, organization: Organization) => {
      const [row] = (await dataSource.query(
        `INSERT INTO users (email, name, organization_id, roles, password_hash) VALUES ($1, $1, $2, '{SUPERVISOR}', 'x') RETURNING id`,
        [email, organization.id],
      )) as { id: string }[];
      return row!.id;
    };
    const requester = async (email: string, organization: Organization, scope: AccessScope) => ({
      userId: await user(email, organization),
      organizationId: organization.id,
      scope,
      audit: { actorId: null, actorOrganizationId: organization.id, requestId: null },
    });
    office = await requester('vp@test.local', org.get('kt.tu.vp')!, { kind: 'all' });
    womensUnion = await requester('pn@test.local', org.get('kt.pn')!, {
      kind: 'subtrees',
      paths: [org.get('kt.pn')!.path],
    });

    const owner = org.get('kt.tu')!;
    const [document] = (await dataSource.query(
      `INSERT INTO documents (status, number, type, issuer, place, date, title, signer, recipients, text, owner_organization_id, owner_path)
       VALUES ('PUBLISHED', '410-BC/TU', 'BÁO CÁO', 'TỈNH ỦY KON TUM', 'Kon Tum', '2019-05-13', 'tổng kết 10 năm',
               '{"onBehalfOf":"T/M BAN THƯỜNG VỤ","position":"PHÓ BÍ THƯ","name":"A Pớt"}',
               '[{"text":"Ban Dân vận Trung ương (b/c)","purpose":"for report"},{"text":"Lưu Văn phòng Tỉnh uỷ","purpose":"filed"}]',
               'x', $1, $2) RETURNING id`,
      [owner.id, owner.path],
    )) as { id: string }[];
    documentId = document!.id;
    // Every timeliness, for several bodies, as of 5 April 2027 (DUE_SOON: within 7 days).
    const plan: [string, string, string, string | null, string | null, string | null, number][] = [
      // [body, role, status, due, completed on, completion requested on, percent]
      ['kt.pn', 'LEAD', 'IN_PROGRESS', '2027-06-30', null, null, 45],
      ['kt.pn', 'COORDINATE', 'NOT_STARTED', '2027-03-31', null, null, 0],
      ['kt.pn', 'LEAD', 'COMPLETED', '2027-03-31', '2027-03-20', '2027-03-19', 100],
      ['kt.nd', 'LEAD', 'COMPLETED', '2027-03-01', '2027-03-15', '2027-03-10', 100],
      ['kt.nd', 'LEAD', 'IN_PROGRESS', '2027-04-10', null, null, 80],
      ['kt.ubnd', 'LEAD', 'NOT_STARTED', '2027-02-01', null, null, 0],
      ['kt.ubnd', 'LEAD', 'CANCELLED', '2027-02-01', null, null, 0],
      ['kt.mttq', 'LEAD', 'COMPLETION_REQUESTED', '2027-04-01', null, '2027-03-30', 100],
    ];
    for (const [index, [key, role, status, due, completedOn, requestedOn, percent]] of plan.entries()) {
      const body = org.get(key)!;
      const [task] = (await dataSource.query(
        `INSERT INTO tasks (document_id, number, position, text) VALUES ($1, $2::text, CAST($2 AS int), $3) RETURNING id`,
        [documentId, String(index + 1), index === 1 ? '=1+1 nhiệm vụ phối hợp' : `Nhiệm vụ số ${index + 1}`],
      )) as { id: string }[];
      const [assignment] = (await dataSource.query(
        `INSERT INTO assignments (task_id, document_id, organization_id, organization_path, assigned_by_organization_id,
                                  role, status, due_date, baseline_due_date, percent_complete, completed_on,
                                  completion_requested_on, completion_summary)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12) RETURNING id`,
        [
          task!.id,
          documentId,
          body.id,
          body.path,
          owner.id,
          role,
          status,
          due,
          percent,
          completedOn,
          requestedOn,
          status === 'COMPLETED' ? 'Đã hoàn thành, có báo cáo kết quả' : null,
        ],
      )) as { id: string }[];
      if (key === 'kt.pn') unionAssignments.push(assignment!.id);
    }
    const [inspector] = (await dataSource.query(`SELECT id FROM users WHERE email = 'vp@test.local'`)) as {
      id: string;
    }[];
    await dataSource.query(
      `INSERT INTO inspections (assignment_id, document_id, organization_id, organization_path, inspector_id,
                                finding, severity, remedy, follow_up_date)
       VALUES ($1, $2, $3, $4, $5, 'Chậm triển khai', 'HIGH', 'Triển khai ngay', '2027-04-30')`,
      [unionAssignments[1], documentId, org.get('kt.pn')!.id, org.get('kt.pn')!.path, inspector!.id],
    );
    // Frozen figures of a past quarter for two bodies.
    await dataSource.query(
      `INSERT INTO period_snapshots (period, assignment_id, organization_id, document_id, status, timeliness,
                                     percent_complete, due_date, baseline_due_date, taken_on)
       SELECT '2027-Q1', a.id, a.organization_id, a.document_id, a.status,
              CASE WHEN a.status = 'COMPLETED' THEN 'COMPLETED_ON_TIME' ELSE 'OVERDUE' END,
              a.percent_complete, a.due_date, a.baseline_due_date, '2027-04-14'
         FROM assignments a WHERE a.document_id = $1`,
      [documentId],
    );
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it("counts what the dashboard counts, for the caller's scope", async () => {
    const reportData = app.get(ReportDataService);
    for (const requester of [office, womensUnion]) {
      const data = await reportData.gather({
        scope: requester.scope,
        requesterOrganizationId: requester.organizationId,
        requesterRoles: [],
        documentId,
        organizationId: null,
        asOf: clock.now(),
      });
      const dashboard = await app.get(DashboardService).dashboard(requester.scope, { documentId });
      expect(data.total).toBe(dashboard.total);
      expect(data.byTimeliness).toEqual(dashboard.byTimeliness);
      expect(new Map(data.byOrganization.map((o) => [o.organizationId, o.counts]))).toEqual(
        new Map(dashboard.byOrganization.map((o) => [o.organizationId, o.counts])),
      );
      // And both agree with the rows themselves, counted here with the SQL rule directly.
      const counted = (await dataSource.query(
        `SELECT ${timelinessSql(timelinessColumnsOf('a'), { today: '$2', warningDays: '$3', against: 'current' })} AS t, count(*)::int AS n
           FROM assignments a WHERE a.document_id = $1 AND ($4::ltree IS NULL OR a.organization_path <@ $4::ltree) GROUP BY 1`,
        [
          documentId,
          '2027-04-05',
          DEFAULT_WARNING_DAYS,
          requester === womensUnion ? org.get('kt.pn')!.path : null,
        ],
      )) as { t: string; n: number }[];
      for (const { t, n } of counted) expect(data.byTimeliness[t as keyof typeof data.byTimeliness]).toBe(n);
    }
    const all = await reportData.gather({
      scope: { kind: 'all' },
      requesterOrganizationId: org.get('kt.tu.vp')!.id,
      requesterRoles: ['ADMIN'],
      documentId,
      organizationId: null,
      asOf: clock.now(),
    });
    expect(all.byTimeliness).toEqual({
      ON_TRACK: 2, // far off, and completion asked for before the due date
      DUE_SOON: 1,
      OVERDUE: 2,
      COMPLETED_ON_TIME: 1,
      COMPLETED_LATE: 1,
      CANCELLED: 1,
    });
    expect(all.overdue.map((item) => [item.row.organizationName, item.row.daysOverdue])).toEqual([
      ['Ủy ban nhân dân tỉnh', 63],
      ['Hội Liên hiệp Phụ nữ tỉnh', 5],
    ]);
    expect(all.overdue[1]!.inspections).toEqual([
      {
        severity: 'HIGH',
        finding: 'Chậm triển khai',
        remedy: 'Triển khai ngay',
        followUpDate: '2027-04-30',
        status: 'OPEN',
      },
    ]);
    const union = all.periods.find((p) => p.organizationName === 'Hội Liên hiệp Phụ nữ tỉnh')!;
    expect([union.period, union.total, union.counts.COMPLETED_ON_TIME, union.counts.OVERDUE]).toEqual([
      '2027-Q1',
      3,
      1,
      2,
    ]);
    expect(union.onTimeRate).toBeCloseTo(1 / 3);
  });

  it('makes the file once: PENDING → DONE, a DONE export is not made again, its file is in the row', async () => {
    const exports = app.get(ExportsService);
    const requested = await exports.request(womensUnion, { documentId, format: ExportFormat.XLSX });
    expect(requested.status).toBe(ExportStatus.PENDING);
    const [outbox] = (await dataSource.query(`SELECT topic, subject FROM outbox WHERE subject = $1`, [
      requested.id,
    ])) as {
      topic: string;
    }[];
    expect(outbox).toEqual({ topic: 'export.requested', subject: requested.id });
    await expect(exports.file(womensUnion.userId, requested.id)).rejects.toMatchObject({
      code: DomainErrorCode.CONFLICT,
    });

    const generator = app.get(ExportGenerator);
    expect(await generator.generate(requested.id)).toBe(ExportStatus.DONE);
    const first = await exports.get(womensUnion.userId, requested.id);
    expect(await generator.generate(requested.id)).toBe(ExportStatus.DONE);
    const second = await exports.get(womensUnion.userId, requested.id);
    expect(second.finishedAt).toEqual(first.finishedAt);
    const [{ attempts }] = (await dataSource.query('SELECT attempts FROM exports WHERE id = $1', [
      requested.id,
    ])) as {
      attempts: number;
    }[];
    expect(attempts).toBe(1);
    expect(first.fileName).toBe('Bảng theo dõi nhiệm vụ 410-BC-TU 2027-04-05.xlsx');

    // The Union's file holds exactly the Union's rows, from the database.
    const file = await exports.file(womensUnion.userId, requested.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(TRACKING_SHEET)!;
    const [{ n }] = (await dataSource.query(
      'SELECT count(*)::int AS n FROM assignments WHERE document_id = $1 AND organization_path <@ $2::ltree',
      [documentId, org.get('kt.pn')!.path],
    )) as { n: number }[];
    expect(sheet.rowCount - 1).toBe(n);
    const bodies = new Set<string>();
    sheet.eachRow((row, number) => {
      if (number > 1) bodies.add(`${String(row.getCell(3).value)}|${String(row.getCell(4).value)}`);
    });
    expect([...bodies].every((pair) => pair.includes('Hội Liên hiệp Phụ nữ tỉnh'))).toBe(true);
    const formula = [...Array(sheet.rowCount).keys()]
      .map((i) => sheet.getRow(i + 1).getCell(2).value)
      .find((value) => String(value).includes('=1+1'));
    expect(formula).toBe("'=1+1 nhiệm vụ phối hợp");
    const rates = workbook.getWorksheet(RATES_SHEET)!;
    expect(rates.rowCount).toBe(2); // the Union's quarter only
    expect(rates.getRow(2).getCell(2).value).toBe('Hội Liên hiệp Phụ nữ tỉnh');
  });

  it('takes a RUNNING export again (its worker stopped), and records a failure on the row', async () => {
    const exports = app.get(ExportsService);
    const generator = app.get(ExportGenerator);
    const crashed = await exports.request(office, { documentId, format: ExportFormat.CSV });
    await dataSource.query(
      `UPDATE exports SET status = 'RUNNING', started_at = now(), attempts = 1 WHERE id = $1`,
      [crashed.id],
    );
    expect(await generator.generate(crashed.id)).toBe(ExportStatus.DONE);
    const csv = (await exports.file(office.userId, crashed.id)).content.toString('utf8');
    expect(csv.startsWith('\uFEFFSTT,Nội dung nhiệm vụ,')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + 8);

    const broken = await exports.request(office, { documentId, format: ExportFormat.DOCX });
    await dataSource.query(
      `UPDATE exports SET scope = '{"kind":"subtrees","paths":["not an ltree!"]}' WHERE id = $1`,
      [broken.id],
    );
    expect(await generator.generate(broken.id)).toBe(ExportStatus.FAILED);
    const failed = await exports.get(office.userId, broken.id);
    expect(failed.status).toBe(ExportStatus.FAILED);
    expect(failed.error).toMatch(/ltree|syntax/i);
    expect(await generator.generate(broken.id)).toBe(ExportStatus.FAILED); // not retried
  });

  it("is its requester's own: anyone else is told it does not exist", async () => {
    const exports = app.get(ExportsService);
    const mine = await exports.request(office, { documentId, format: ExportFormat.CSV });
    await expect(exports.get(womensUnion.userId, mine.id)).rejects.toMatchObject({
      code: DomainErrorCode.NOT_FOUND,
    });
    await expect(exports.file(womensUnion.userId, mine.id)).rejects.toMatchObject({
      code: DomainErrorCode.NOT_FOUND,
    });
    await expect(exports.get(womensUnion.userId, 'not-a-uuid')).rejects.toMatchObject({
      code: DomainErrorCode.NOT_FOUND,
    });
    // A document the caller cannot read cannot be exported.
    const [other] = (await dataSource.query(
      `INSERT INTO documents (text, owner_organization_id, owner_path) VALUES ('x', $1, $2) RETURNING id`,
      [org.get('kt.nd')!.id, org.get('kt.nd')!.path],
    )) as { id: string }[];
    await expect(
      exports.request(womensUnion, { documentId: other!.id, format: ExportFormat.CSV }),
    ).rejects.toMatchObject({
      code: DomainErrorCode.NOT_FOUND,
    });
  });
});
