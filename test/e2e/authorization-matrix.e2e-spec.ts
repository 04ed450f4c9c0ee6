import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLField, GraphQLSchema } from 'graphql';

import { isPermission, Permission, permissionsOf } from '@dondoc/identity';
import type { Organization } from '@dondoc/organizations';
import { bootApi, Given, graphql, type RunningApi, Role, signIn, TEST_PASSWORD } from '@dondoc/test-support';

/**
 * Every operation of the schema × every role (and no sign-in at all) × a record of the
 * caller's own body and one of another body, against one expected-outcome rule built from
 * the policy (ROLE_PERMISSIONS) and row scope. A new operation without a case here fails
 * the first test, so nothing slips through untested.
 */

type Outcome = 'OK' | 'EMPTY' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'NOT_FOUND';

interface Target {
  organization: Organization;
  userId: string;
  /** An audit event whose actor belongs to the target's body. */
  auditEventId: string;
}

interface Actor {
  label: string;
  role: Role | null;
  headers: Record<string, string>;
  refreshToken: string | null;
  email: string;
  own: Target;
  other: Target;
}

interface OperationCase {
  /** How a caller who may see the record experiences it when the record is out of scope. */
  outOfScope: Outcome;
  call(target: Target, actor: Actor): { query: string; variables?: Record<string, unknown> };
  /** How to tell an empty answer (a list that excludes the record). */
  isEmpty?(data: Record<string, unknown>): boolean;
}

const uid = () => Math.random().toString(36).slice(2, 10);

const CASES: Record<string, OperationCase> = {
  serverInfo: { outOfScope: 'OK', call: () => ({ query: '{ serverInfo { today } }' }) },
  permissionMap: { outOfScope: 'OK', call: () => ({ query: '{ permissionMap { role permissions } }' }) },
  login: {
    outOfScope: 'OK',
    call: (_, actor) => ({
      query: 'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      variables: { e: actor.email, p: TEST_PASSWORD },
    }),
  },
  refresh: {
    outOfScope: 'OK',
    call: () => ({
      query: 'mutation ($t: String!) { refresh(refreshToken: $t) { accessToken } }',
      variables: { t: '{fresh}' },
    }),
  },
  logout: {
    outOfScope: 'OK',
    call: () => ({
      query: 'mutation ($t: String!) { logout(refreshToken: $t) }',
      variables: { t: '{fresh}' },
    }),
  },
  me: { outOfScope: 'OK', call: () => ({ query: '{ me { id } }' }) },
  allOrganizations: {
    outOfScope: 'EMPTY',
    call: (t) => ({
      query: 'query ($id: ID!) { allOrganizations(filter: { ids: [$id] }) { id } }',
      variables: { id: t.organization.id },
    }),
    isEmpty: (data) => (data.allOrganizations as unknown[]).length === 0,
  },
  _allOrganizationsMeta: {
    outOfScope: 'EMPTY',
    call: (t) => ({
      query: 'query ($id: ID!) { _allOrganizationsMeta(filter: { ids: [$id] }) { count } }',
      variables: { id: t.organization.id },
    }),
    isEmpty: (data) => (data._allOrganizationsMeta as { count: number }).count === 0,
  },
  Organization: {
    outOfScope: 'NOT_FOUND',
    call: (t) => ({
      query: 'query ($id: ID!) { Organization(id: $id) { id } }',
      variables: { id: t.organization.id },
    }),
  },
  createOrganization: {
    outOfScope: 'NOT_FOUND',
    call: (t) => ({
      query:
        'mutation ($p: ID!, $n: String!) { createOrganization(name: $n, kind: DEPARTMENT, level: PROVINCE, parentId: $p) { id } }',
      variables: { p: t.organization.id, n: `Sở thử ${uid()}` },
    }),
  },
  updateOrganization: {
    outOfScope: 'NOT_FOUND',
    call: (t) => ({
      query: 'mutation ($id: ID!, $a: [String!]) { updateOrganization(id: $id, aliases: $a) { id } }',
      variables: { id: t.organization.id, a: t.organization.aliases },
    }),
  },
  allUsers: {
    outOfScope: 'EMPTY',
    call: (t) => ({
      query: 'query ($id: ID!) { allUsers(filter: { ids: [$id] }) { id } }',
      variables: { id: t.userId },
    }),
    isEmpty: (data) => (data.allUsers as unknown[]).length === 0,
  },
  _allUsersMeta: {
    outOfScope: 'EMPTY',
    call: (t) => ({
      query: 'query ($id: ID!) { _allUsersMeta(filter: { ids: [$id] }) { count } }',
      variables: { id: t.userId },
    }),
    isEmpty: (data) => (data._allUsersMeta as { count: number }).count === 0,
  },
  User: {
    outOfScope: 'NOT_FOUND',
    call: (t) => ({ query: 'query ($id: ID!) { User(id: $id) { id } }', variables: { id: t.userId } }),
  },
  createUser: {
    outOfScope: 'NOT_FOUND',
    call: (t) => ({
      query:
        'mutation ($o: ID!, $e: String!) { createUser(email: $e, name: "Thử", organizationId: $o, roles: [VIEWER], password: "a-long-password") { id } }',
      variables: { o: t.organization.id, e: `new.${uid()}@test.local` },
    }),
  },
  updateUser: {
    outOfScope: 'NOT_FOUND',
    call: (t) => ({
      query: 'mutation ($id: ID!) { updateUser(id: $id, locale: "vi") { id } }',
      variables: { id: t.userId },
    }),
  },
  allAuditEvents: {
    outOfScope: 'EMPTY',
    call: (t) => ({
      query: 'query ($id: ID!) { allAuditEvents(filter: { entityId: $id }) { id } }',
      variables: { id: t.userId },
    }),
    isEmpty: (data) => (data.allAuditEvents as unknown[]).length === 0,
  },
  _allAuditEventsMeta: {
    outOfScope: 'EMPTY',
    call: (t) => ({
      query: 'query ($id: ID!) { _allAuditEventsMeta(filter: { entityId: $id }) { count } }',
      variables: { id: t.userId },
    }),
    isEmpty: (data) => (data._allAuditEventsMeta as { count: number }).count === 0,
  },
  AuditEvent: {
    outOfScope: 'NOT_FOUND',
    call: (t) => ({
      query: 'query ($id: ID!) { AuditEvent(id: $id) { id action } }',
      variables: { id: t.auditEventId },
    }),
  },
};

function rootFields(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  return [
    ...Object.values(schema.getQueryType()?.getFields() ?? {}),
    ...Object.values(schema.getMutationType()?.getFields() ?? {}),
  ];
}

function expected(
  actor: Actor,
  permission: Permission,
  which: 'own' | 'other',
  operation: OperationCase,
): Outcome {
  if (permission === Permission.PUBLIC) return 'OK';
  if (!actor.role) return 'UNAUTHENTICATED';
  if (!permissionsOf([actor.role]).has(permission)) return 'FORBIDDEN';
  if (which === 'own' || actor.role === Role.ADMIN) return 'OK';
  return operation.outOfScope;
}

describe('authorization', () => {
  let api: RunningApi;
  let schema: GraphQLSchema;
  const actors: Actor[] = [];

  beforeAll(async () => {
    api = await bootApi();
    schema = api.app.get(GraphQLSchemaHost).schema;
    const given = new Given(api.app);
    const konTum = await given.konTum();
    const other = await given.otherProvince();
    const womensUnion = konTum.get('kt.pn')!;
    const farmers = konTum.get('kt.nd')!;
    const office = konTum.get('kt.tu.vp')!;
    const otherUser = await given.user(Role.VIEWER, other.womensUnion);
    const farmersUser = await given.user(Role.VIEWER, farmers);
    /** A target record set: the body, a user of it, and an audit event by someone of it about that user. */
    const target = async (organization: Organization, userId: string): Promise<Target> => {
      const [event] = await given.auditEvents([
        {
          actorId: userId,
          actorOrganizationId: organization.id,
          action: 'user.updated',
          entityType: 'user',
          entityId: userId,
        },
      ]);
      return { organization, userId, auditEventId: event!.id };
    };
    const outside = await target(other.womensUnion, otherUser.id);

    const seats: [Role, Organization, Target][] = [
      [Role.ADMIN, office, outside],
      [Role.SUPERVISOR, office, outside],
      [Role.INSPECTOR, konTum.get('kt.tu.ubkt')!, outside],
      [Role.VIEWER, office, outside],
      // An officer's "other body" is a sibling in the same province, outside their subtree.
      [Role.ORG_OFFICER, womensUnion, await target(farmers, farmersUser.id)],
    ];
    for (const [role, organization, otherTarget] of seats) {
      const user = await given.user(role, organization);
      const session = await signIn(api.url, user.email, TEST_PASSWORD);
      actors.push({
        label: role,
        role,
        headers: session.headers,
        refreshToken: session.refreshToken,
        email: user.email,
        own: await target(organization, user.id),
        other: otherTarget,
      });
    }
    actors.push({
      label: 'anonymous',
      role: null,
      headers: {},
      refreshToken: null,
      email: otherUser.email, // anyone may sign in with their own password
      own: outside,
      other: outside,
    });
  });
  afterAll(() => api?.close());

  it('every operation declares a permission and has a case in this matrix', () => {
    const fields = rootFields(schema);
    const undeclared = fields
      .filter((field) => !isPermission(field.extensions.permission))
      .map((field) => field.name);
    expect(undeclared).toEqual([]);
    const untested = fields.map((field) => field.name).filter((name) => !(name in CASES));
    expect(untested).toEqual([]);
  });

  it('answers every operation × role × own / other body as the policy says', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const field of rootFields(schema)) {
      const operation = CASES[field.name];
      const permission = field.extensions.permission as Permission;
      if (!operation) continue;
      for (const actor of actors) {
        for (const which of ['own', 'other'] as const) {
          const { query, variables } = operation.call(actor[which], actor);
          const resolvedVariables = await withFreshTokens(variables);
          const { body } = await graphql<Record<string, unknown>>(api.url, query, resolvedVariables, {
            ...actor.headers,
            'x-forwarded-for': `10.1.${checked % 250}.${Math.floor(checked / 250) + 1}`,
          });
          const code = body.errors?.[0]?.extensions?.code as Outcome | undefined;
          const actual: Outcome =
            code ?? (operation.isEmpty && body.data && operation.isEmpty(body.data) ? 'EMPTY' : 'OK');
          const want = expected(actor, permission, which, operation);
          checked++;
          if (actual !== want) {
            mismatches.push(
              `${field.name} as ${actor.label} on ${which}: expected ${want}, got ${actual} ${body.errors?.[0]?.message ?? ''}`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(Object.keys(CASES).length * actors.length * 2);
  });

  /** `{fresh}` stands for a refresh token of a new session (refresh and logout consume one). */
  async function withFreshTokens(variables?: Record<string, unknown>) {
    if (!variables || !Object.values(variables).includes('{fresh}')) return variables;
    const session = await signIn(api.url, 'matrix.fresh@test.local', TEST_PASSWORD).catch(async () => {
      const given = new Given(api.app);
      const konTum = await given.konTum();
      await given.user(Role.VIEWER, konTum.get('kt.tu')!, 'matrix.fresh@test.local');
      return signIn(api.url, 'matrix.fresh@test.local', TEST_PASSWORD);
    });
    return Object.fromEntries(
      Object.entries(variables).map(([k, v]) => [k, v === '{fresh}' ? session.refreshToken : v]),
    );
  }
});
