import { DemoUsers } from '@dondoc/identity';
import { bootApi, Given, graphql, type RunningApi, Role, signIn, TEST_PASSWORD } from '@dondoc/test-support';

import { publishSeed, type PublishedSeed, WOMENS_UNION_TASK } from '../browser/published-seed.js';

/**
 * Write scope is ownership (issue 14): a supervisor of another province whose body holds an
 * assignment on Kon Tum's published report sees the report, but may not change it, assign its
 * tasks, or edit it, while Kon Tum's own office still may. The foreign supervisor used to
 * succeed, and the new assignment showed "assigned by" Kon Tum's office.
 */
type Session = Awaited<ReturnType<typeof signIn>>;
interface GraphqlError {
  message: string;
  extensions?: Record<string, unknown>;
}

const UPDATE = 'mutation ($id: ID!) { updateDocument(id: $id, reportDueDay: 25) { id reportDueDay } }';
const ASSIGN = `mutation ($i: AssignTaskInput!) { assignTask(input: $i) { id } }`;
const SEE = 'query ($id: ID!) { Document(id: $id) { id number } }';

describe('changing a document is its owner’s', () => {
  let api: RunningApi;
  let seed: PublishedSeed;
  let foreignSupervisor: Session;
  let foreignUnionId: string;
  let farmersUnionId: string;
  let ownSupervisor: Session;
  let admin: Session;

  beforeAll(async () => {
    api = await bootApi();
    const given = new Given(api.app);
    const konTum = await given.konTum();
    const gl = await given.otherProvince();
    await api.app.get(DemoUsers).ensure();
    seed = await publishSeed(api, konTum, { dueDate: '2027-06-30', shortDueDate: '2026-12-31' });
    foreignUnionId = gl.womensUnion.id;
    farmersUnionId = konTum.get('kt.nd')!.id;
    admin = await signIn(
      api.url,
      (await given.user(Role.ADMIN, konTum.get('kt.tu.vp')!)).email,
      TEST_PASSWORD,
    );
    ownSupervisor = await signIn(
      api.url,
      (await given.user(Role.SUPERVISOR, konTum.get('kt.tu.vp')!)).email,
      TEST_PASSWORD,
    );
    foreignSupervisor = await signIn(
      api.url,
      (await given.user(Role.SUPERVISOR, gl.root)).email,
      TEST_PASSWORD,
    );
    // An administrator gives one task to Gia Lai's Women's Union: Gia Lai now sees the report.
    const { body } = await graphql(
      api.url,
      ASSIGN,
      {
        i: { taskId: seed.tasks[WOMENS_UNION_TASK], organizationIds: [foreignUnionId], role: 'COORDINATE' },
      },
      admin.headers,
    );
    expect(body.errors).toBeUndefined();
  });
  afterAll(() => api?.close());

  const as = async (who: Session, query: string, variables: Record<string, unknown>) =>
    (await graphql(api.url, query, variables, who.headers)).body as {
      data?: unknown;
      errors?: GraphqlError[];
    };

  it('lets the foreign supervisor see the report his body works on', async () => {
    const seen = await as(foreignSupervisor, SEE, { id: seed.documentId });
    expect(seen.errors).toBeUndefined();
    expect(seen.data).toEqual({ Document: { id: seed.documentId, number: expect.any(String) } });
  });

  it('refuses him changing the report, naming whose it is', async () => {
    const answer = await as(foreignSupervisor, UPDATE, { id: seed.documentId });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(answer.errors?.[0]?.message).toMatch(/thuộc cơ quan khác/);
  });

  it('refuses him assigning the report’s tasks', async () => {
    const answer = await as(foreignSupervisor, ASSIGN, {
      i: { taskId: seed.tasks['1'], organizationIds: [foreignUnionId], role: 'COORDINATE' },
    });
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('still lets the owning office change it and assign its tasks', async () => {
    const updated = await as(ownSupervisor, UPDATE, { id: seed.documentId });
    expect(updated.errors).toBeUndefined();
    expect(updated.data).toEqual({ updateDocument: { id: seed.documentId, reportDueDay: 25 } });
    const assigned = await as(ownSupervisor, ASSIGN, {
      i: { taskId: seed.tasks['1'], organizationIds: [farmersUnionId], role: 'COORDINATE' },
    });
    expect(assigned.errors).toBeUndefined();
  });

  it('answers a document out of sight as not found, not forbidden', async () => {
    const answer = await as(foreignSupervisor, UPDATE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
