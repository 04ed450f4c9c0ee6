import { SYSTEM_ACTOR } from '@dondoc/audit';
import { Role, ScopeResolver } from '@dondoc/identity';
import { NotificationKind, NotificationsService } from '@dondoc/notifications';
import {
  ALL_ORGANIZATIONS,
  LineageService,
  type Organization,
  OrganizationKind,
  OrganizationSeeder,
  OrganizationsService,
  QUANG_NGAI_2025,
} from '@dondoc/organizations';
import { bootApi, Given, type RunningApi } from '@dondoc/test-support';
import { DataSource } from 'typeorm';

import { AssignmentQuery } from './assignment-query.js';
import { DashboardService } from './dashboard.service.js';
import { EventNotifier } from './follow-up/event-notifier.js';
import { PeriodSnapshotsService } from './follow-up/period-snapshots.service.js';
import { ProgressReportsService } from './progress-reports.service.js';

/**
 * Mergers and splits on the real database, through the services the API and the command
 * line use: what moves (open work, people, children, old names), what stays (finished work
 * and its reports), who may read the history afterwards, and what is refused.
 */
describe('organization lineage', () => {
  let api: RunningApi;
  let db: DataSource;
  let lineage: LineageService;
  let organizations: OrganizationsService;
  let org: Map<string, Organization>;
  let documentId: string;
  const tasks: string[] = [];
  const EFFECTIVE = '2025-07-01';

  beforeAll(async () => {
    api = await bootApi();
    db = api.app.get(DataSource);
    lineage = api.app.get(LineageService);
    organizations = api.app.get(OrganizationsService);
    const given = new Given(api.app);
    await given.konTum();
    await api.app.get(OrganizationSeeder).seed(QUANG_NGAI_2025);
    org = await reload();
    const office = org.get('kt.tu.vp')!;
    [{ id: documentId }] = (await db.query(
      `INSERT INTO documents (status, number, text, owner_organization_id, owner_path)
       VALUES ('PUBLISHED', '410-BC/TU', 'Báo cáo', $1, $2) RETURNING id`,
      [office.id, office.path],
    )) as [{ id: string }];
    for (const [index, text] of ['Tuyên truyền', 'Vận động', 'Giám sát', 'Tổng kết'].entries()) {
      const [{ id }] = (await db.query(
        `INSERT INTO tasks (document_id, number, position, text) VALUES ($1, $2, $3, $4) RETURNING id`,
        [documentId, String(index + 1), index, text],
      )) as [{ id: string }];
      tasks.push(id);
    }
  });
  afterAll(() => api?.close());

  async function reload(): Promise<Map<string, Organization>> {
    const all = await organizations.findAll(ALL_ORGANIZATIONS);
    return new Map(all.filter((o) => o.key).map((o) => [o.key!, o]));
  }

  async function assign(
    task: number,
    key: string,
    status = 'IN_PROGRESS',
    extra: { percent?: number; parentId?: string } = {},
  ): Promise<string> {
    const body = org.get(key)!;
    const [{ id }] = (await db.query(
      `INSERT INTO assignments (task_id, document_id, organization_id, organization_path, assigned_by_organization_id,
                                parent_assignment_id, role, status, due_date, baseline_due_date, percent_complete, completed_on)
       VALUES ($1, $2, $3, $4, $5, $6, 'LEAD', $7, '2026-03-31', '2026-03-31', $8, $9) RETURNING id`,
      [
        tasks[task],
        documentId,
        body.id,
        body.path,
        org.get('kt.tu.vp')!.id,
        extra.parentId ?? null,
        status,
        status === 'COMPLETED' ? 100 : (extra.percent ?? 0),
        status === 'COMPLETED' ? '2026-01-15' : null,
      ],
    )) as [{ id: string }];
    return id;
  }

  const row = async (id: string) =>
    (
      (await db.query(
        `SELECT a.organization_id AS "organizationId", a.organization_path::text AS path, a.status, a.version,
              a.cancel_reason AS "cancelReason"
         FROM assignments a WHERE a.id = $1`,
        [id],
      )) as { organizationId: string; path: string; status: string; version: number; cancelReason: string }[]
    )[0];

  describe("merging the Kon Tum Women's Union into Quảng Ngãi's", () => {
    let open: string;
    let finished: string;
    let districtPart: string;
    let districtOwn: string;
    let reportId: string;
    let officerId: string;

    beforeAll(async () => {
      open = await assign(0, 'kt.pn', 'IN_PROGRESS', { percent: 40 });
      finished = await assign(1, 'kt.pn', 'COMPLETED');
      districtPart = await assign(0, 'kt.dh.pn', 'IN_PROGRESS', { parentId: open, percent: 20 });
      districtOwn = await assign(2, 'kt.dh.pn', 'NOT_STARTED');
      [{ id: reportId }] = (await db.query(
        `INSERT INTO progress_reports (assignment_id, period, percent_complete, results, status, submitted_at)
         VALUES ($1, '2025-Q4', 100, 'Đã tổ chức 12 lớp tập huấn', 'ACCEPTED', now()) RETURNING id`,
        [finished],
      )) as [{ id: string }];
      await db.query(
        `INSERT INTO period_snapshots (period, assignment_id, organization_id, document_id, status, timeliness,
                                       percent_complete, due_date, baseline_due_date, taken_on)
         VALUES ('2025-Q4', $1, $2, $3, 'COMPLETED', 'COMPLETED_ON_TIME', 100, '2026-03-31', '2026-03-31', '2025-12-14')`,
        [finished, org.get('kt.pn')!.id, documentId],
      );
      officerId = (await new Given(api.app).user(Role.ORG_OFFICER, org.get('kt.pn')!)).id;
      const inspector = await new Given(api.app).user(Role.INSPECTOR, org.get('kt.tu.ubkt')!);
      for (const assignmentId of [open, districtPart]) {
        await db.query(
          `INSERT INTO inspections (assignment_id, document_id, organization_id, organization_path, inspector_id,
                                    finding, severity, remedy, follow_up_date)
           SELECT a.id, a.document_id, a.organization_id, a.organization_path, $2,
                  'Chậm tiến độ', 'MEDIUM', 'Báo cáo bổ sung', '2026-04-30'
             FROM assignments a WHERE a.id = $1`,
          [assignmentId, inspector.id],
        );
      }
    });

    const inspectionPaths = async () =>
      (await db.query(
        `SELECT i.assignment_id AS "assignmentId", i.organization_id AS "organizationId",
                i.organization_path::text AS path
           FROM inspections i`,
      )) as { assignmentId: string; organizationId: string; path: string }[];

    it('moves the open assignment to the successor and leaves the finished one with the old body', async () => {
      const { target, summary } = await lineage.merge(
        ALL_ORGANIZATIONS,
        { sourceIds: [org.get('kt.pn')!.id], targetId: org.get('qn.pn')!.id, effectiveDate: EFFECTIVE },
        SYSTEM_ACTOR,
      );
      expect(summary).toEqual({ moved: 1, folded: 0, usersMoved: 1, reparented: 10 });
      expect(await row(open)).toMatchObject({ organizationId: target.id, path: target.path, version: 2 });
      expect(await row(finished)).toMatchObject({
        organizationId: org.get('kt.pn')!.id,
        path: org.get('kt.pn')!.path,
        status: 'COMPLETED',
        version: 1,
      });
      const source = await organizations.get(ALL_ORGANIZATIONS, org.get('kt.pn')!.id);
      expect(source).toMatchObject({ active: false, dissolvedOn: EFFECTIVE });
      const users = (await db.query('SELECT organization_id AS "organizationId" FROM users WHERE id = $1', [
        officerId,
      ])) as { organizationId: string }[];
      expect(users[0]?.organizationId).toBe(target.id);
      // The finding on the moved work follows it, so the successor's scope shows it.
      expect((await inspectionPaths()).find((i) => i.assignmentId === open)).toEqual({
        assignmentId: open,
        organizationId: target.id,
        path: target.path,
      });
    });

    it('places the district unions under the successor, with their assignments’ paths', async () => {
      org = await reload();
      const qn = org.get('qn.pn')!;
      const district = org.get('kt.dh.pn')!;
      expect(district.parentId).toBe(qn.id);
      expect(district.path.startsWith(`${qn.path}.`)).toBe(true);
      expect((await row(districtPart)).path).toBe(district.path);
      expect((await row(districtOwn)).path).toBe(district.path);
      expect((await inspectionPaths()).find((i) => i.assignmentId === districtPart)?.path).toBe(
        district.path,
      );
      const subtree = await organizations.subtreeIds(ALL_ORGANIZATIONS, qn.id);
      expect(subtree).toEqual(expect.arrayContaining([qn.id, district.id]));
      expect(subtree).toHaveLength(11);
    });

    it('records each move in the audit trail and tells the successor through the outbox, once', async () => {
      const events = (await db.query(
        `SELECT action, before, after FROM audit_events WHERE entity_id = $1 ORDER BY id`,
        [open],
      )) as { action: string; before: { organizationId: string }; after: { organizationId: string } }[];
      expect(events.map((e) => e.action)).toEqual(['assignment.transferred']);
      expect(events[0]).toMatchObject({
        before: { organizationId: org.get('kt.pn')!.id },
        after: { organizationId: org.get('qn.pn')!.id },
      });
      const [outbox] = (await db.query(
        `SELECT id::text, topic, subject, payload FROM outbox WHERE topic = 'assignment.transferred' AND subject = $1`,
        [open],
      )) as { id: string; topic: string; subject: string; payload: Record<string, unknown> }[];
      expect(outbox).toBeDefined();
      // The worker's handler of relayed events, over the API's notification service.
      const notifier = new EventNotifier(db, api.app.get(NotificationsService));
      const event = {
        outboxId: outbox!.id,
        topic: outbox!.topic,
        subject: outbox!.subject,
        payload: outbox!.payload,
      };
      expect(await notifier.handle(event)).toBe(1);
      expect(await notifier.handle(event)).toBe(0); // the same event again notifies nobody twice
      const inbox = (await db.query(
        `SELECT kind, message FROM notifications WHERE recipient_user_id = $1 AND assignment_id = $2`,
        [officerId, open],
      )) as { kind: string; message: string }[];
      expect(inbox).toHaveLength(1);
      expect(inbox[0]!.kind).toBe(NotificationKind.ASSIGNMENT_TRANSFERRED);
      expect(inbox[0]!.message).toContain('Hội Liên hiệp Phụ nữ tỉnh Quảng Ngãi');
      expect(inbox[0]!.message).toContain('Chuyển từ: Hội Liên hiệp Phụ nữ tỉnh');
    });

    it("lets the successor's officer read the predecessor's finished work and its reports", async () => {
      const scopes = api.app.get(ScopeResolver);
      const successor = await scopes.scopeFor([Role.ORG_OFFICER], org.get('qn.pn')!.id);
      const neighbour = await scopes.scopeFor([Role.ORG_OFFICER], org.get('qn.nd')!.id);
      const query = api.app.get(AssignmentQuery);
      const reports = api.app.get(ProgressReportsService);
      expect(
        (await query.findByIds({ scope: successor, organizationId: '', roles: [] }, [finished, open]))
          .map((a) => a.id)
          .sort(),
      ).toEqual([finished, open].sort());
      expect((await reports.get({ scope: successor, organizationId: '', roles: [] }, reportId)).results).toBe(
        'Đã tổ chức 12 lớp tập huấn',
      );
      expect(
        await query.findByIds({ scope: neighbour, organizationId: '', roles: [] }, [finished, open]),
      ).toEqual([]);
      await expect(
        reports.get({ scope: neighbour, organizationId: '', roles: [] }, reportId),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('counts the predecessor’s history in the successor’s figures, and only its own in the old body’s', async () => {
      const dashboard = api.app.get(DashboardService);
      const bySuccessor = await dashboard.dashboard(ALL_ORGANIZATIONS, {
        organizationId: org.get('qn.pn')!.id,
      });
      const byOld = await dashboard.dashboard(ALL_ORGANIZATIONS, { organizationId: org.get('kt.pn')!.id });
      // Successor: its open work, the old body's finished one, and the district unions now under it.
      expect(bySuccessor.total).toBe(4);
      expect(bySuccessor.byTimeliness.COMPLETED_ON_TIME).toBe(1);
      expect(byOld.total).toBe(1);
      expect(byOld.byOrganization.map((o) => o.organizationId)).toEqual([org.get('kt.pn')!.id]);
      const periods = new PeriodSnapshotsService(db); // the worker's; its reads need only the database
      expect((await periods.figures('2025-Q4', { organizationId: org.get('qn.pn')!.id })).total).toBe(1);
      expect((await periods.figures('2025-Q4', { organizationId: org.get('kt.pn')!.id })).total).toBe(1);
      expect((await periods.figures('2025-Q4', { organizationId: org.get('qn.nd')!.id })).total).toBe(0);
    });

    it('closes a district part the successor already holds, and moves the rest', async () => {
      const { summary } = await lineage.merge(
        ALL_ORGANIZATIONS,
        { sourceIds: [org.get('kt.dh.pn')!.id], targetId: org.get('qn.pn')!.id, effectiveDate: EFFECTIVE },
        SYSTEM_ACTOR,
      );
      expect(summary).toMatchObject({ moved: 1, folded: 1 });
      expect(await row(districtPart)).toMatchObject({
        organizationId: org.get('kt.dh.pn')!.id,
        status: 'CANCELLED',
        cancelReason: expect.stringContaining('Hội Liên hiệp Phụ nữ tỉnh Quảng Ngãi'),
      });
      expect(await row(districtOwn)).toMatchObject({
        organizationId: org.get('qn.pn')!.id,
        status: 'NOT_STARTED',
      });
    });

    it('refuses a second identical merger: the body is already inactive', async () => {
      await expect(
        lineage.merge(
          ALL_ORGANIZATIONS,
          { sourceIds: [org.get('kt.pn')!.id], targetId: org.get('qn.pn')!.id, effectiveDate: EFFECTIVE },
          SYSTEM_ACTOR,
        ),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(/already inactive.*2025-07-01/),
      });
    });
  });

  it('finds the successor by an old name, among active bodies', async () => {
    await lineage.merge(
      ALL_ORGANIZATIONS,
      {
        sourceIds: [org.get('kt.tu.btg')!.id, org.get('kt.tu.bdv')!.id],
        targetId: org.get('qn.tu.btgdv')!.id,
        effectiveDate: EFFECTIVE,
        note: 'Hợp nhất Ban Tuyên giáo và Ban Dân vận',
      },
      SYSTEM_ACTOR,
    );
    const found = await organizations.list(ALL_ORGANIZATIONS, { q: 'Ban Dân vận Tỉnh ủy', active: true }, {});
    expect(found.map((o) => o.name)).toEqual(['Ban Tuyên giáo và Dân vận Tỉnh ủy Quảng Ngãi']);
    const predecessors = await lineage.predecessorsOf(ALL_ORGANIZATIONS, [org.get('qn.tu.btgdv')!.id]);
    expect(
      predecessors
        .get(org.get('qn.tu.btgdv')!.id)!
        .map((o) => o.name)
        .sort(),
    ).toEqual(['Ban Dân vận Tỉnh ủy', 'Ban Tuyên giáo Tỉnh ủy']);
  });

  it('refuses a merger into the body’s own descendant, into itself, and on a bad or future date', async () => {
    const merge = (sourceId: string, targetId: string, effectiveDate = EFFECTIVE) =>
      lineage.merge(ALL_ORGANIZATIONS, { sourceIds: [sourceId], targetId, effectiveDate }, SYSTEM_ACTOR);
    await expect(merge(org.get('kt.tu')!.id, org.get('kt.tu.vp')!.id)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/own descendant/),
    });
    await expect(merge(org.get('kt.nd')!.id, org.get('kt.nd')!.id)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'targetId' },
    });
    await expect(merge(org.get('kt.nd')!.id, org.get('qn.nd')!.id, '2025-02-30')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'effectiveDate' },
    });
    await expect(merge(org.get('kt.nd')!.id, org.get('qn.nd')!.id, '2999-01-01')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/after today/),
    });
    // Nothing of a refused merger remains.
    expect((await organizations.get(ALL_ORGANIZATIONS, org.get('kt.nd')!.id)).active).toBe(true);
  });

  it('splits a body: the first successor continues its open work, finished work stays', async () => {
    const open = await assign(3, 'kt.ccb', 'IN_PROGRESS', { percent: 10 });
    const done = await assign(1, 'kt.ccb', 'COMPLETED');
    const { successors, summary } = await lineage.split(
      ALL_ORGANIZATIONS,
      {
        sourceId: org.get('kt.ccb')!.id,
        successors: [
          { name: 'Hội Cựu chiến binh tỉnh (khu vực I)', kind: OrganizationKind.SOCIO_POLITICAL },
          {
            name: 'Hội Cựu chiến binh tỉnh (khu vực II)',
            kind: OrganizationKind.SOCIO_POLITICAL,
            parentId: org.get('kt.mttq')!.id,
          },
        ],
        effectiveDate: EFFECTIVE,
      },
      SYSTEM_ACTOR,
    );
    expect(summary).toMatchObject({ moved: 1, folded: 0, reparented: 10 });
    const [first, second] = successors;
    expect(first!.parentId).toBe(org.get('kt.tu')!.id); // the source's parent by default
    expect(second!.path.startsWith(`${org.get('kt.mttq')!.path}.`)).toBe(true);
    expect(await row(open)).toMatchObject({ organizationId: first!.id, path: first!.path });
    expect(await row(done)).toMatchObject({ organizationId: org.get('kt.ccb')!.id });
    expect(first!.aliases).toContain('Hội Cựu chiến binh tỉnh');
    const successorsOf = await lineage.successorsOf(ALL_ORGANIZATIONS, [org.get('kt.ccb')!.id]);
    expect(
      successorsOf
        .get(org.get('kt.ccb')!.id)!
        .map((o) => o.id)
        .sort(),
    ).toEqual([first!.id, second!.id].sort());
    await expect(
      lineage.split(
        ALL_ORGANIZATIONS,
        {
          sourceId: org.get('kt.ccb')!.id,
          successors: [{ name: 'X', kind: OrganizationKind.SOCIO_POLITICAL }],
          effectiveDate: EFFECTIVE,
        },
        SYSTEM_ACTOR,
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
