import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TEST_AUDIT_KEY, type TestDatabase, createTestDatabase } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import {
  EventNotifier,
  FollowUpModule,
  FollowUpService,
  InspectionFollowUpsService,
} from '@dondoc/assignments';
import { NotificationKind } from '@dondoc/notifications';
import type { AccessScope } from '@dondoc/organizations';
import {
  AppConfigModule,
  buildDataSourceOptions,
  ClockModule,
  DomainErrorCode,
  DomainException,
  FixedClock,
  loadConfig,
  OutboxModule,
} from '@dondoc/platform';

import { InspectionBoardService } from './inspection-board.service.js';
import { InspectionSeverity, InspectionStatus } from './inspection.entity.js';
import { type InspectionActing, InspectionsService, type RecordInspection } from './inspections.service.js';
import { OversightModule } from './oversight.module.js';

/**
 * Inspections against a real database: a province `p` (its inspection commission `p.k`, the
 * Women's Union `p.u` with a district branch `p.u.d`, the Farmers' Union `p.f`) and another
 * province `q`. Today is 5 April 2027 in Asia/Ho_Chi_Minh.
 */
describe('inspections', () => {
  const clock = new FixedClock('2027-04-05T03:00:00Z');
  let database: TestDatabase;
  let app: TestingModule;
  let dataSource: DataSource;
  let inspections: InspectionsService;
  let board: InspectionBoardService;

  const org: Record<string, string> = {};
  const user: Record<string, string> = {};
  const assignment: Record<string, string> = {};
  let documentId: string;
  let otherDocumentId: string;

  const subtree = (path: string): AccessScope => ({ kind: 'subtrees', paths: [path] });
  const acting = (
    who: string,
    organization: string,
    scope: AccessScope,
    roles: string[],
  ): InspectionActing => ({
    userId: user[who]!,
    organizationId: org[organization]!,
    scope,
    roles,
    audit: { actorId: user[who]!, actorOrganizationId: org[organization]!, requestId: null },
  });
  const inspector = () => acting('inspector', 'k', subtree('p'), ['INSPECTOR']);
  const otherInspector = () => acting('qInspector', 'q', subtree('q'), ['INSPECTOR']);
  const admin = () => acting('admin', 'p', { kind: 'all' }, ['ADMIN']);
  const finding = (assignmentKey: string, extra: Partial<RecordInspection> = {}): RecordInspection => ({
    assignmentId: assignment[assignmentKey]!,
    finding: 'Chưa tổ chức quán triệt nghị quyết đến chi hội cơ sở',
    severity: InspectionSeverity.MEDIUM,
    remedy: 'Tổ chức quán triệt trước ngày 30/4 và báo cáo kết quả',
    followUpDate: '2027-04-30',
    ...extra,
  });

  async function domainError(promise: Promise<unknown>): Promise<DomainException> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainException);
    return error as DomainException;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const options = buildDataSourceOptions({ url: database.url });
    app = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(
          loadConfig({ NODE_ENV: 'test', AUDIT_KEY: TEST_AUDIT_KEY, APP_URL: 'https://dondoc.example.vn' }),
        ),
        ClockModule.forRoot(clock),
        TypeOrmModule.forRoot({ ...options, autoLoadEntities: true }),
        OutboxModule,
        OversightModule,
        FollowUpModule,
      ],
    }).compile();
    dataSource = app.get(DataSource);
    inspections = app.get(InspectionsService);
    board = app.get(InspectionBoardService);

    const organizations: [string, string, string, string | null][] = [
      ['p', 'Tỉnh ủy P', 'p', null],
      ['k', 'Ủy ban Kiểm tra Tỉnh ủy P', 'p.k', 'p'],
      ['u', 'Hội Liên hiệp Phụ nữ tỉnh', 'p.u', 'p'],
      ['ud', 'Hội Liên hiệp Phụ nữ huyện', 'p.u.d', 'u'],
      ['f', 'Hội Nông dân tỉnh', 'p.f', 'p'],
      ['q', 'Tỉnh ủy Q', 'q', null],
      ['qu', 'Hội Liên hiệp Phụ nữ tỉnh Q', 'q.u', 'q'],
    ];
    for (const [key, name, path, parent] of organizations) {
      const [row] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO organizations (name, kind, level, path, parent_id)
         VALUES ($1, 'SOCIO_POLITICAL', 'PROVINCE', $2, $3) RETURNING id`,
        [name, path, parent === null ? null : org[parent]],
      );
      org[key] = row!.id;
    }
    const users: [string, string, string, string?][] = [
      ['inspector', 'k', 'INSPECTOR'],
      ['qInspector', 'q', 'INSPECTOR'],
      ['admin', 'p', 'ADMIN'],
      ['supervisor', 'p', 'SUPERVISOR'],
      ['officerU', 'u', 'ORG_OFFICER'],
      ['officerUEn', 'u', 'ORG_OFFICER', 'en'],
      ['officerUD', 'ud', 'ORG_OFFICER'],
      ['officerF', 'f', 'ORG_OFFICER'],
    ];
    for (const [key, organization, role, locale] of users) {
      const [row] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO users (email, name, organization_id, roles, locale, password_hash)
         VALUES ($1, $2, $3, $4, $5, 'x') RETURNING id`,
        [`${key.toLowerCase()}@test.local`, key, org[organization], [role], locale ?? 'vi'],
      );
      user[key] = row!.id;
    }
    const document = async (number: string, owner: string, path: string) => {
      const [row] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO documents (status, number, text, owner_organization_id, owner_path)
         VALUES ('PUBLISHED', $1, 'Văn bản thử', $2, $3) RETURNING id`,
        [number, org[owner], path],
      );
      return row!.id;
    };
    documentId = await document('410-BC/TU', 'p', 'p');
    otherDocumentId = await document('12-KH/TU', 'p', 'p');
    // key, assignee, status, due date, next report due, document
    const rows: [string, string, string, string | null, string | null, string][] = [
      ['a1', 'u', 'IN_PROGRESS', '2027-03-31', null, documentId], // overdue 5 days
      ['a2', 'u', 'NOT_STARTED', '2027-04-10', null, documentId], // due soon
      ['a3', 'u', 'IN_PROGRESS', '2027-06-30', null, documentId], // on track
      ['a4', 'f', 'IN_PROGRESS', '2027-03-20', null, documentId], // overdue 16 days
      ['a5', 'f', 'COMPLETED', '2027-03-01', null, documentId], // done
      ['a6', 'ud', 'IN_PROGRESS', '2027-04-01', null, otherDocumentId], // overdue 4 days
      ['a8', 'ud', 'IN_PROGRESS', null, '2027-03-20', documentId], // continuous, report 16 days late
      ['a7', 'qu', 'IN_PROGRESS', '2027-01-01', null, documentId], // another jurisdiction
      ['a9', 'u', 'CANCELLED', '2027-03-01', null, documentId],
    ];
    for (const [index, [key, organization, status, due, nextReport, document]] of rows.entries()) {
      const [task] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO tasks (document_id, number, position, text) VALUES ($1, $2, $3, $4) RETURNING id`,
        [document, String(index + 1), index, `${index + 1}. Nhiệm vụ thử số ${index + 1}`],
      );
      const path = organizations.find(([k]) => k === organization)![2];
      const [row] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO assignments (task_id, document_id, organization_id, organization_path, assigned_by_organization_id,
                                  role, status, due_date, baseline_due_date, next_report_due, completed_on)
         VALUES ($1, $2, $3, $4, $5, 'LEAD', $6, $7, $7, $8, $9) RETURNING id`,
        [
          task!.id,
          document,
          org[organization],
          path,
          org.p,
          status,
          due,
          nextReport,
          status === 'COMPLETED' ? '2027-02-27' : null,
        ],
      );
      assignment[key] = row!.id;
    }
    // What the follow-up sweep had noticed: a4 escalated, a1 notified overdue, a2 reminded,
    // a6 escalated only under a due date it no longer has (extended since).
    const transitions: [string, string, string, number][] = [
      ['a4', 'OVERDUE', '2027-03-20', 0],
      ['a4', 'ESCALATED', '2027-03-20', 7],
      ['a1', 'OVERDUE', '2027-03-31', 0],
      ['a2', 'DUE_REMINDER', '2027-04-10', 7],
      ['a6', 'ESCALATED', '2027-02-01', 7],
    ];
    for (const [key, kind, due, threshold] of transitions) {
      await dataSource.query(
        `INSERT INTO assignment_transitions (assignment_id, kind, due_date, threshold, noticed_on)
         VALUES ($1, $2, $3, $4, $3)`,
        [assignment[key], kind, due, threshold],
      );
    }
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  describe('recording', () => {
    it('records an OPEN finding with the assignee copied, its audit event and its outbox event', async () => {
      const recorded = await inspections.record(
        inspector(),
        finding('a1', { severity: InspectionSeverity.HIGH }),
      );
      expect(recorded).toMatchObject({
        assignmentId: assignment.a1,
        documentId,
        organizationId: org.u,
        organizationPath: 'p.u',
        inspectorId: user.inspector,
        severity: 'HIGH',
        status: InspectionStatus.OPEN,
        followUpDate: '2027-04-30',
        version: 1,
        resolvedAt: null,
      });
      const audit = await dataSource.query<{ action: string; actor_id: string }[]>(
        'SELECT action, actor_id FROM audit_events WHERE entity_id = $1',
        [recorded.id],
      );
      expect(audit).toEqual([{ action: 'inspection.recorded', actor_id: user.inspector }]);
      const outbox = await dataSource.query<{ topic: string; payload: Record<string, unknown> }[]>(
        'SELECT topic, payload FROM outbox WHERE subject = $1',
        [recorded.id],
      );
      expect(outbox).toEqual([
        {
          topic: 'inspection.recorded',
          payload: {
            assignmentId: assignment.a1,
            followUpDate: '2027-04-30',
            remedy: 'Tổ chức quán triệt trước ngày 30/4 và báo cáo kết quả',
          },
        },
      ]);
    });

    it('trims the texts and takes today as the follow-up date', async () => {
      const recorded = await inspections.record(
        admin(),
        finding('a3', {
          finding: '  Chậm triển khai  ',
          remedy: ' Khắc phục ngay ',
          followUpDate: '2027-04-05',
        }),
      );
      expect(recorded).toMatchObject({
        finding: 'Chậm triển khai',
        remedy: 'Khắc phục ngay',
        followUpDate: '2027-04-05',
      });
    });

    it.each([
      ['finding', { finding: '   ' }, 'Cần nêu nội dung kết luận kiểm tra'],
      ['remedy', { remedy: '' }, 'Cần nêu yêu cầu khắc phục'],
      [
        'followUpDate',
        { followUpDate: '2027-04-04' },
        'Ngày theo dõi khắc phục không được ở trong quá khứ (hôm nay là 2027-04-05)',
      ],
      [
        'followUpDate',
        { followUpDate: '30/04/2027' },
        'Ngày theo dõi khắc phục phải là một ngày (YYYY-MM-DD)',
      ],
    ])('refuses an invalid %s with a clear message', async (field, extra, vi) => {
      const error = await domainError(inspections.record(inspector(), finding('a1', extra)));
      expect(error.code).toBe(DomainErrorCode.BAD_USER_INPUT);
      expect(error.details).toEqual({ field });
      expect(error.messageIn('vi')).toBe(vi);
    });

    it.each([
      ['an officer', () => acting('officerU', 'u', subtree('p.u'), ['ORG_OFFICER'])],
      ['a supervisor', () => acting('supervisor', 'p', subtree('p'), ['SUPERVISOR'])],
    ])('refuses %s: only inspectors and administrators record', async (_, who) => {
      const error = await domainError(inspections.record(who(), finding('a1')));
      expect(error.code).toBe(DomainErrorCode.FORBIDDEN);
    });

    it("hides an assignment outside the inspector's jurisdiction, and refuses a cancelled one", async () => {
      expect((await domainError(inspections.record(otherInspector(), finding('a1')))).code).toBe(
        DomainErrorCode.NOT_FOUND,
      );
      expect((await domainError(inspections.record(inspector(), finding('a7')))).code).toBe(
        DomainErrorCode.NOT_FOUND,
      );
      expect(
        (await domainError(inspections.record(inspector(), { ...finding('a1'), assignmentId: 'nope' }))).code,
      ).toBe(DomainErrorCode.NOT_FOUND);
      expect((await domainError(inspections.record(inspector(), finding('a9')))).code).toBe(
        DomainErrorCode.CONFLICT,
      );
      expect(
        await dataSource.query('SELECT 1 FROM inspections WHERE assignment_id = ANY($1)', [
          [assignment.a7, assignment.a9],
        ]),
      ).toEqual([]);
    });
  });

  describe('resolving', () => {
    it('resolves an OPEN finding once, with a note, an audit event with before and after', async () => {
      const recorded = await inspections.record(inspector(), finding('a4'));
      const resolved = await inspections.resolve(inspector(), recorded.id, '  Đã quán triệt xong  ');
      expect(resolved).toMatchObject({
        status: InspectionStatus.RESOLVED,
        resolutionNote: 'Đã quán triệt xong',
        resolvedById: user.inspector,
        version: 2,
      });
      expect(resolved.resolvedAt?.toISOString()).toBe('2027-04-05T03:00:00.000Z');
      const audit = await dataSource.query<
        { action: string; before: { status: string } | null; after: { status: string } }[]
      >('SELECT action, before, after FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id', [
        recorded.id,
      ]);
      expect(audit.map((event) => [event.action, event.before?.status ?? null, event.after.status])).toEqual([
        ['inspection.recorded', null, 'OPEN'],
        ['inspection.resolved', 'OPEN', 'RESOLVED'],
      ]);

      const again = await domainError(inspections.resolve(inspector(), recorded.id, 'Lần nữa'));
      expect(again.code).toBe(DomainErrorCode.CONFLICT);
      expect(again.messageIn('vi')).toBe('Kết luận kiểm tra này đã được kết thúc');
    });

    it('needs a note, an inspector or administrator, and the jurisdiction', async () => {
      const recorded = await inspections.record(
        inspector(),
        finding('a3', { severity: InspectionSeverity.LOW }),
      );
      expect((await domainError(inspections.resolve(inspector(), recorded.id, ' '))).code).toBe(
        DomainErrorCode.BAD_USER_INPUT,
      );
      const officer = acting('officerU', 'u', subtree('p.u'), ['ORG_OFFICER']);
      expect((await domainError(inspections.resolve(officer, recorded.id, 'Xong'))).code).toBe(
        DomainErrorCode.FORBIDDEN,
      );
      expect((await domainError(inspections.resolve(otherInspector(), recorded.id, 'Xong'))).code).toBe(
        DomainErrorCode.NOT_FOUND,
      );
      expect((await inspections.get(subtree('p'), recorded.id)).status).toBe(InspectionStatus.OPEN);
      const resolved = await inspections.resolve(admin(), recorded.id, 'Đã khắc phục');
      expect(resolved.resolvedById).toBe(user.admin);
    });
  });

  describe('reading', () => {
    // So far: a1 one OPEN (HIGH); a3 one OPEN (MEDIUM, by the admin) and one RESOLVED (LOW); a4 one RESOLVED (MEDIUM).
    const ids = async (scope: AccessScope, filter: Parameters<InspectionsService['list']>[1] = {}) =>
      (await inspections.list(scope, filter, { perPage: 100 }))
        .map((inspection) => inspection.assignmentId)
        .sort();
    const sorted = (...keys: string[]) => keys.map((key) => assignment[key]).sort();

    it("scopes like assignments: an officer sees their subtree's, the jurisdiction sees all of it", async () => {
      expect(await ids(subtree('p'))).toEqual(sorted('a1', 'a3', 'a3', 'a4'));
      expect(await ids(subtree('p.u'))).toEqual(sorted('a1', 'a3', 'a3'));
      expect(await ids(subtree('p.f'))).toEqual(sorted('a4'));
      expect(await ids(subtree('p.u.d'))).toEqual([]);
      expect(await ids(subtree('q'))).toEqual([]);
      expect(await inspections.count(subtree('p.u'), {})).toBe(3);
      const [onA4] = await inspections.list(subtree('p'), { assignmentId: assignment.a4 }, {});
      expect((await domainError(inspections.get(subtree('p.u'), onA4!.id))).code).toBe(
        DomainErrorCode.NOT_FOUND,
      );
      expect((await inspections.get(subtree('p.f'), onA4!.id)).id).toBe(onA4!.id);
    });

    it('filters by status, severity, organization, document and follow-up dates', async () => {
      const p = subtree('p');
      expect(await ids(p, { status: [InspectionStatus.OPEN] })).toEqual(sorted('a1', 'a3'));
      expect(await ids(p, { severity: [InspectionSeverity.HIGH, InspectionSeverity.LOW] })).toEqual(
        sorted('a1', 'a3'),
      );
      expect(await ids(p, { organizationId: org.f })).toEqual(sorted('a4'));
      expect(await ids(p, { organizationId: org.p })).toEqual([]);
      expect(await ids(p, { organizationId: org.p, includeDescendants: true })).toEqual(
        sorted('a1', 'a3', 'a3', 'a4'),
      );
      expect(await ids(p, { documentId: otherDocumentId })).toEqual([]);
      expect(await ids(p, { documentId })).toEqual(sorted('a1', 'a3', 'a3', 'a4'));
      expect(await ids(p, { followUpFrom: '2027-04-06' })).toEqual(sorted('a1', 'a3', 'a4'));
      expect(await ids(p, { followUpTo: '2027-04-05' })).toEqual(sorted('a3'));
    });

    it('sorts by severity by weight, newest first by default', async () => {
      const bySeverity = await inspections.list(
        subtree('p'),
        {},
        { sortField: 'severity', sortOrder: 'ASC' },
      );
      expect(bySeverity.map((inspection) => inspection.severity)).toEqual([
        'LOW',
        'MEDIUM',
        'MEDIUM',
        'HIGH',
      ]);
      const newest = await inspections.list(subtree('p'), {}, {});
      const created = newest.map((inspection) => inspection.createdAt.getTime());
      expect(created).toEqual([...created].sort((a, b) => b - a));
    });

    it('counts the OPEN findings of each assignment, in scope', async () => {
      const counts = await inspections.openCounts(subtree('p'), [
        assignment.a1!,
        assignment.a3!,
        assignment.a4!,
      ]);
      expect(Object.fromEntries([...counts].map(([id, count]) => [id, count]))).toEqual({
        [assignment.a1!]: 1,
        [assignment.a3!]: 1,
      });
      expect((await inspections.openCounts(subtree('p.f'), [assignment.a1!])).size).toBe(0);
    });
  });

  describe("the inspectors' board", () => {
    type Row = [string, number, number, string];
    const view = (result: Awaited<ReturnType<InspectionBoardService['board']>>) =>
      result.groups.map((group) => ({
        organization: Object.keys(org).find((key) => org[key] === group.organizationId),
        overdue: group.overdue,
        atRisk: group.atRisk,
        items: group.items.map((item): Row => [
          Object.keys(assignment).find((key) => assignment[key] === item.assignment.id)!,
          item.daysOverdue,
          item.escalationLevel,
          item.inspectionStatus,
        ]),
      }));

    it('lists overdue and at-risk work by organization, most overdue first, with escalation and inspection', async () => {
      // Worked out by hand for 5 April 2027: a8 16 days past its report (continuous work), a6 4 days
      // (its escalation was under an earlier due date), a4 16 days and escalated, a1 5 days and
      // notified, a2 due in 5 days and reminded; a3 on track, a5 done, a9 cancelled, a7 elsewhere.
      const result = await board.board(subtree('p'), {});
      expect(result.asOf.toISOString()).toBe('2027-04-05T03:00:00.000Z');
      expect(view(result)).toEqual([
        {
          organization: 'ud',
          overdue: 2,
          atRisk: 0,
          items: [
            ['a8', 16, 0, 'NONE'],
            ['a6', 4, 0, 'NONE'],
          ],
        },
        { organization: 'f', overdue: 1, atRisk: 0, items: [['a4', 16, 2, 'RESOLVED']] },
        {
          organization: 'u',
          overdue: 1,
          atRisk: 1,
          items: [
            ['a1', 5, 1, 'OPEN'],
            ['a2', 0, 1, 'NONE'],
          ],
        },
      ]);
    });

    it('shows the latest inspection, and keeps to the scope and the filters', async () => {
      await inspections.record(inspector(), finding('a4', { severity: InspectionSeverity.LOW }));
      const byOrganization = await board.board(subtree('p'), { organizationId: org.u });
      expect(view(byOrganization).map((group) => group.organization)).toEqual(['ud', 'u']);
      expect(view(await board.board(subtree('p.f'), {}))).toEqual([
        { organization: 'f', overdue: 1, atRisk: 0, items: [['a4', 16, 2, 'OPEN']] },
      ]);
      expect(view(await board.board(subtree('p'), { documentId: otherDocumentId }))).toEqual([
        { organization: 'ud', overdue: 1, atRisk: 0, items: [['a6', 4, 0, 'NONE']] },
      ]);
      expect(view(await board.board(subtree('q'), {}))).toEqual([
        { organization: 'qu', overdue: 1, atRisk: 0, items: [['a7', 94, 0, 'NONE']] },
      ]);
    });
  });

  describe('notifications', () => {
    it("tells the assignee body's officers of a recorded finding once, in their language, with the remedy", async () => {
      const [event] = await dataSource.query<
        { id: string; topic: string; subject: string; payload: Record<string, unknown> }[]
      >(
        `SELECT id::text, topic, subject, payload FROM outbox WHERE topic = 'inspection.recorded' AND payload->>'assignmentId' = $1
          ORDER BY id LIMIT 1`,
        [assignment.a1],
      );
      const notifier = app.get(EventNotifier);
      const domainEvent = {
        outboxId: event!.id,
        topic: event!.topic,
        subject: event!.subject,
        payload: event!.payload,
      };
      expect(await notifier.handle(domainEvent)).toBe(2);
      expect(await notifier.handle(domainEvent)).toBe(0);
      const received = await dataSource.query<
        { recipient_user_id: string; subject: string; message: string }[]
      >(
        `SELECT recipient_user_id, subject, message FROM notifications WHERE kind = 'INSPECTION_RECORDED' ORDER BY subject`,
      );
      expect(received.map((row) => row.recipient_user_id).sort()).toEqual(
        [user.officerU, user.officerUEn].sort(),
      );
      const vi = received.find((row) => row.recipient_user_id === user.officerU)!;
      expect(vi.subject).toBe('Kết luận kiểm tra: 1. Nhiệm vụ thử số 1');
      expect(vi.message).toContain(
        'Cơ quan kiểm tra đã có kết luận kiểm tra đối với nhiệm vụ giao Hội Liên hiệp Phụ nữ tỉnh. ' +
          'Đề nghị thực hiện việc khắc phục theo yêu cầu trước ngày 30/04/2027.',
      );
      expect(vi.message).toContain(
        'Yêu cầu khắc phục: Tổ chức quán triệt trước ngày 30/4 và báo cáo kết quả',
      );
      const en = received.find((row) => row.recipient_user_id === user.officerUEn)!;
      expect(en.message).toContain('Please carry out the required remedy by 30/04/2027.');
      expect(en.message).toContain('Required remedy: Tổ chức quán triệt');
    });
  });

  describe('the follow-up of inspections', () => {
    const followUps = () =>
      dataSource.query<{ recipient_user_id: string; key: string }[]>(
        `SELECT recipient_user_id, key FROM notifications WHERE kind = $1 ORDER BY key, recipient_user_id`,
        [NotificationKind.INSPECTION_FOLLOW_UP],
      );

    it('notifies the inspector and the assignee body once its follow-up date has come, once', async () => {
      const service = app.get(InspectionFollowUpsService);
      // a3's OPEN finding was due on 5 April (today); the others later; the RESOLVED ones never.
      const due = await inspections.record(inspector(), finding('a2', { followUpDate: '2027-04-12' }));
      const [onA3] = await inspections.list(
        subtree('p'),
        { assignmentId: assignment.a3, status: [InspectionStatus.OPEN] },
        {},
      );
      expect(await service.notice('2027-04-04')).toEqual({ noticed: 0, notifications: 0 });
      // On the 5th: a3's (its body has two officers; the admin who recorded it is the inspector here).
      expect(await service.notice('2027-04-05')).toEqual({ noticed: 1, notifications: 3 });
      expect(await service.notice('2027-04-05')).toEqual({ noticed: 0, notifications: 0 });
      expect((await followUps()).map((row) => row.key)).toEqual([
        `INSPECTION_FOLLOW_UP:${onA3!.id}:2027-04-05`,
        `INSPECTION_FOLLOW_UP:${onA3!.id}:2027-04-05`,
        `INSPECTION_FOLLOW_UP:${onA3!.id}:2027-04-05`,
      ]);
      expect((await followUps()).map((row) => row.recipient_user_id).sort()).toEqual(
        [user.admin, user.officerU, user.officerUEn].sort(),
      );
      // Resolved before its day: never followed up.
      await inspections.resolve(inspector(), due.id, 'Đã khắc phục sớm');
      expect(await service.notice('2027-04-12')).toEqual({ noticed: 0, notifications: 0 });
    });

    it('runs in the follow-up sweep, and a sweep run twice at once notifies once', async () => {
      clock.set('2027-04-30T03:00:00Z');
      const sweep = app.get(FollowUpService);
      // Due on 30 April: a1's (HIGH) and a4's second (LOW), to the inspector and to each body.
      const [first, second] = await Promise.all([sweep.sweep('2027-04-30'), sweep.sweep('2027-04-30')]);
      expect(first.inspectionFollowUps + second.inspectionFollowUps).toBe(2);
      const onA1 = (await inspections.list(subtree('p'), { assignmentId: assignment.a1 }, {}))[0]!;
      const notified = (await followUps()).filter(
        (row) => row.key === `INSPECTION_FOLLOW_UP:${onA1.id}:2027-04-30`,
      );
      expect(notified.map((row) => row.recipient_user_id).sort()).toEqual(
        [user.inspector, user.officerU, user.officerUEn].sort(),
      );
      expect((await sweep.sweep('2027-05-01')).inspectionFollowUps).toBe(0);
    });
  });
});
