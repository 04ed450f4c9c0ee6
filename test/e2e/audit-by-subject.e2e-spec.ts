import { DemoUsers } from '@dondoc/identity';
import { type Organization, OrganizationSeeder, OrganizationsService } from '@dondoc/organizations';
import { bootApi, Given, graphql, type RunningApi, Role, signIn, TEST_PASSWORD } from '@dondoc/test-support';

import { publishSeed, type PublishedSeed, WOMENS_UNION_TASK } from '../browser/published-seed.js';

/**
 * The audit trail is read by subject (issue 14): what another province's body does to Kon
 * Tum's report — its report on the task it was given, an administrator's edit from Gia Lai —
 * is in the trail Kon Tum's supervisor and inspector read, though the actor is not theirs.
 * An unrelated body sees none of it. The trail used to be scoped by the actor's body: Kon Tum
 * saw nothing of either.
 */
type Session = Awaited<ReturnType<typeof signIn>>;

const EVENTS = `query ($f: AuditEventFilter) {
  allAuditEvents(filter: $f, perPage: 100) { id action actorId entityType entityId }
}`;

describe('the audit trail of a document, read by its owner', () => {
  let api: RunningApi;
  let seed: PublishedSeed;
  let reportId: string;
  let foreignOfficer: Session;
  let foreignSupervisor: Session;
  let foreignAdmin: Session;
  let ownSupervisor: Session;
  let ownInspector: Session;
  let unrelatedSupervisor: Session;

  const as = async <T>(who: Session, query: string, variables: Record<string, unknown> = {}) => {
    const { body } = await graphql<T>(api.url, query, variables, who.headers);
    expect(body.errors).toBeUndefined();
    return body.data as T;
  };
  const actionsSeenBy = async (who: Session, filter: Record<string, string>) =>
    (
      await as<{ allAuditEvents: { action: string; actorId: string }[] }>(who, EVENTS, { f: filter })
    ).allAuditEvents.map((event) => event.action);

  beforeAll(async () => {
    api = await bootApi();
    const given = new Given(api.app);
    const konTum = await given.konTum();
    const gl = await given.otherProvince();
    await api.app.get(DemoUsers).ensure();
    seed = await publishSeed(api, konTum, { dueDate: '2027-06-30', shortDueDate: '2026-12-31' });
    const session = async (role: Role, organization: Organization) =>
      signIn(api.url, (await given.user(role, organization)).email, TEST_PASSWORD);
    foreignAdmin = await session(Role.ADMIN, gl.root);
    foreignOfficer = await session(Role.ORG_OFFICER, gl.womensUnion);
    ownSupervisor = await session(Role.SUPERVISOR, konTum.get('kt.tu.vp')!);
    ownInspector = await session(Role.INSPECTOR, konTum.get('kt.tu.ubkt')!);
    foreignSupervisor = await session(Role.SUPERVISOR, gl.root);
    unrelatedSupervisor = await session(Role.SUPERVISOR, await thirdProvince());

    // An administrator of Gia Lai gives Kon Tum's task to Gia Lai's Women's Union, and edits
    // Kon Tum's report; the union's officer reports on the work.
    const { assignTask } = await as<{ assignTask: { id: string }[] }>(
      foreignAdmin,
      'mutation ($i: AssignTaskInput!) { assignTask(input: $i) { id } }',
      {
        i: {
          taskId: seed.tasks[WOMENS_UNION_TASK],
          organizationIds: [gl.womensUnion.id],
          role: 'COORDINATE',
        },
      },
    );
    await as(foreignAdmin, 'mutation ($id: ID!) { updateDocument(id: $id, reportDueDay: 25) { id } }', {
      id: seed.documentId,
    });
    const { submitProgressReport } = await as<{ submitProgressReport: { id: string } }>(
      foreignOfficer,
      'mutation ($a: ID!) { submitProgressReport(input: { assignmentId: $a, period: "2026-Q4", percentComplete: 40 }) { id } }',
      { a: assignTask[0]!.id },
    );
    reportId = submitProgressReport.id;
  });
  afterAll(() => api?.close());

  /** Đà Nẵng's committee: a province with no part in Kon Tum's report. */
  async function thirdProvince(): Promise<Organization> {
    const entry = { key: 'dn.tu', name: 'Thành ủy Đà Nẵng', shortName: 'Thành ủy', aliases: [] };
    await api.app
      .get(OrganizationSeeder)
      .seed([{ ...entry, kind: 'PARTY_COMMITTEE', level: 'PROVINCE', parentKey: null }]);
    const [found] = await api.app.get(OrganizationsService).findByKeys(['dn.tu']);
    return found!;
  }

  it("shows Kon Tum's supervisor and inspector the foreign body's report on their task", async () => {
    const filter = { entityType: 'progress_report', entityId: reportId };
    expect(await actionsSeenBy(ownSupervisor, filter)).toEqual(['report.submitted']);
    expect(await actionsSeenBy(ownInspector, filter)).toEqual(['report.submitted']);
  });

  it("shows them an administrator's edit of their document, though he is of another province", async () => {
    const filter = { entityType: 'document', entityId: seed.documentId };
    expect(await actionsSeenBy(ownSupervisor, filter)).toContain('document.updated');
    expect(await actionsSeenBy(ownInspector, filter)).toContain('document.updated');
  });

  it('shows Gia Lai its union’s report, and not the rest of Kon Tum’s document', async () => {
    expect(await actionsSeenBy(foreignSupervisor, { entityId: reportId })).toEqual(['report.submitted']);
    expect(
      await actionsSeenBy(foreignSupervisor, { entityType: 'document', entityId: seed.documentId }),
    ).toEqual([]);
  });

  it('shows an unrelated body none of it', async () => {
    expect(await actionsSeenBy(unrelatedSupervisor, { entityId: reportId })).toEqual([]);
    expect(
      await actionsSeenBy(unrelatedSupervisor, { entityType: 'document', entityId: seed.documentId }),
    ).toEqual([]);
  });
});
