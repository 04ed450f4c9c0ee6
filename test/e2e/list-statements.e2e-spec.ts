import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  buildSchema,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import pg from 'pg';

import { ASSIGNMENT_LIST_FIELDS } from '../../apps/admin/src/assignments/assignment-fields.js';
import { DEMO_PASSWORD, DemoUsers, Role } from '@dondoc/identity';
import { NotificationKind, NotificationsService } from '@dondoc/notifications';
import { FixedClock } from '@dondoc/platform';
import { bootApi, Given, graphql, type RunningApi, signIn, TEST_PASSWORD } from '@dondoc/test-support';

/**
 * Every list of the schema (each `allXs` query, found from apps/api/schema.gql so a new list
 * cannot be missed) answers a page as the console asks for it — the records with the records
 * they link to, and the row count in the same request — in a number of SQL statements that
 * does not grow with the page: about the same for 5 rows as for 25, and at most the bound below.
 * A field resolver that reads one row at a time instead of one batch per page fails here.
 */
const schema = buildSchema(readFileSync(join(process.cwd(), 'apps/api/schema.gql'), 'utf8'));
const SEED = readFileSync(
  join(process.cwd(), 'libs/ingestion/test-documents/seed/kon-tum-410-BC-TU-2019.txt'),
  'utf8',
);

/**
 * The most SQL statements a page of each list may take, with its count, its caller's session
 * and its field resolvers' batches. A list missing here fails the test: a new list needs a bound.
 * The assignment list's own page is one statement (test/e2e/assignment-rules); with every
 * relation of an assignment asked for, only a ceiling is kept here.
 */
const BOUNDS: Record<string, number> = {
  // Every field of an assignment, its reports, requests and inspections included, as the
  // assignment's own page reads it; the list screen's page is bounded lower, below.
  allAssignments: 12,
  allAuditEvents: 5,
  allDocuments: 4,
  allExtensionRequests: 7,
  allInspections: 9,
  allNotifications: 7,
  allOrganizations: 2,
  allProgressReports: 7,
  allTasks: 9,
  allUsers: 3,
};
/** How many more loader batches a page of 25 may take than a page of 5 (see the test). */
const EXTRA_WAVES = 2;
/** The assignment list screen's page (its sparse fields): the page, its count and its links. */
const ASSIGNMENT_SCREEN_BOUND = 6;
/** Who reads each list: the notifications are the caller's own. */
const READER: Record<string, 'admin' | 'officer'> = { allNotifications: 'officer' };

const lists = Object.keys(schema.getQueryType()!.getFields()).filter((name) => /^all[A-Z]/.test(name));
type Session = Awaited<ReturnType<typeof signIn>>;

describe('SQL statements per list page', () => {
  const clock = new FixedClock('2026-12-01T02:00:00Z');
  let api: RunningApi;
  let admin: Session;
  let office: Session;
  let officer: Session;
  let inspector: Session;
  let statements = 0;
  const original = pg.Client.prototype.query;

  const ok = async <T>(who: Session, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const { body } = await graphql<T>(api.url, query, variables, who.headers);
    if (body.errors) throw new Error(`${query.slice(0, 120)}: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  };

  beforeAll(async () => {
    api = await bootApi({}, { clock });
    const given = new Given(api.app);
    const konTum = await given.konTum();
    await api.app.get(DemoUsers).ensure();
    admin = await signIn(api.url, 'admin@dondoc.local', DEMO_PASSWORD);
    office = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
    const inspectorUser = await given.user(Role.INSPECTOR, konTum.get('kt.tu.ubkt')!);
    inspector = await signIn(api.url, inspectorUser.email, TEST_PASSWORD);

    // 30 bodies below the province: enough for more than a page of 25 of everything.
    const keys = [...konTum.keys()].filter((key) => key.startsWith('kt.') && key !== 'kt.tu');
    const thirty = [
      ...keys.filter((key) => key.split('.').length === 2),
      ...keys.filter((key) => key.split('.').length === 3),
    ].slice(0, 30);
    const officers = new Map<string, Session>();
    let officerId = '';
    for (const key of thirty) {
      const user = await given.user(Role.ORG_OFFICER, konTum.get(key)!);
      officerId ||= user.id;
      officers.set(konTum.get(key)!.id, await signIn(api.url, user.email, TEST_PASSWORD));
    }
    officer = officers.get(konTum.get(thirty[0]!)!.id)!;

    // Six directives (the seed under six numbers): more than a page of 5 documents, and of tasks.
    let importDocument = { id: '', tasks: [] as { id: string; number: string }[] };
    for (let i = 5; i >= 0; i--) {
      ({ importDocument } = await ok<{
        importDocument: { id: string; tasks: { id: string; number: string }[] };
      }>(office, 'mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id number } } }', {
        i: { text: SEED.replace('Số 410-BC/TU', `Số ${410 + i}-BC/TU`) },
      }));
    }
    for (const task of importDocument.tasks) {
      await ok(office, 'mutation ($t: ID!) { setTaskAssignees(taskId: $t, assignees: []) { id } }', {
        t: task.id,
      });
    }
    await ok(office, 'mutation ($id: ID!) { publishDocument(id: $id) { id } }', { id: importDocument.id });
    const taskId = importDocument.tasks.find((t) => t.number === '1')!.id;
    const { assignTask } = await ok<{ assignTask: { id: string; organization: { id: string } }[] }>(
      office,
      'mutation ($i: AssignTaskInput!) { assignTask(input: $i) { id organization { id } } }',
      {
        i: {
          taskId,
          organizationIds: thirty.map((key) => konTum.get(key)!.id),
          role: 'COORDINATE',
          dueDate: '2027-03-31',
          cadence: 'QUARTERLY',
        },
      },
    );
    for (const assignment of assignTask) {
      const by = officers.get(assignment.organization.id)!;
      await ok(by, 'mutation ($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) { id } }', {
        i: { assignmentId: assignment.id, period: '2026-Q4', percentComplete: 20, results: 'Đã triển khai' },
      });
      await ok(
        by,
        'mutation ($a: ID!) { requestExtension(assignmentId: $a, proposedDueDate: "2027-06-30", reason: "Chờ hướng dẫn") { id } }',
        { a: assignment.id },
      );
      await ok(inspector, 'mutation ($i: RecordInspectionInput!) { recordInspection(input: $i) { id } }', {
        i: {
          assignmentId: assignment.id,
          finding: 'Chưa quán triệt đến chi bộ',
          severity: 'LOW',
          remedy: 'Quán triệt, báo cáo kết quả',
          followUpDate: '2027-01-31',
        },
      });
    }
    // Thirty notifications for the first officer about its own assignment (one it may read,
    // so that each row's links are resolved), as the follow-up would send them.
    const own = assignTask.find((a) => a.organization.id === konTum.get(thirty[0]!)!.id)!;
    await api.app.get(NotificationsService, { strict: false }).notify(
      assignTask.map((_, i) => ({
        kind: NotificationKind.DUE_SOON,
        key: `DUE_SOON:${own.id}:statements-${i}`,
        organizationIds: [],
        userIds: [officerId],
        assignmentId: own.id,
        facts: { taskText: 'Nhiệm vụ', organizationName: 'Cơ quan', dueDate: '2027-03-31' },
      })),
    );

    // Counted where every statement of the API goes, whatever layer sends it.
    pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
      statements++;
      if (process.env.LIST_STATEMENTS_LOG) {
        const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
        process.stdout.write(`  SQL ${String(text).replace(/\s+/g, ' ').slice(0, 300)}\n`);
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
  }, 180_000);

  afterAll(async () => {
    pg.Client.prototype.query = original;
    await api?.close();
  });

  /**
   * The fewest statements of three requests for a page: background work of the process
   * (schedulers, the outbox relay) only ever adds statements, never takes any away.
   */
  async function page(
    list: string,
    perPage: number,
    query = listQuery(schema, list),
  ): Promise<{ rows: number; statements: number }> {
    const who = READER[list] === 'officer' ? officer : admin;
    let fewest = Infinity;
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      statements = 0;
      if (process.env.LIST_STATEMENTS_LOG) process.stdout.write(`${list} perPage ${perPage}\n`);
      const data = await ok<{ items: unknown[] }>(who, query, { page: 0, perPage });
      fewest = Math.min(fewest, statements);
      rows = data.items.length;
    }
    return { rows, statements: fewest };
  }

  it('finds the lists in the schema and has a bound for each', () => {
    expect(lists.length).toBeGreaterThanOrEqual(10);
    expect(lists.filter((list) => BOUNDS[list] === undefined)).toEqual([]);
  });

  it.each(lists)(
    '%s: a page of 25 takes about as many statements as a page of 5, within its bound',
    async (list) => {
      const five = await page(list, 5);
      const twentyFive = await page(list, 25);
      expect(five.rows).toBe(5);
      // More rows than the small page, or the comparison says nothing.
      expect(twentyFive.rows).toBeGreaterThan(5);
      expect(five.statements).toBeGreaterThan(0);
      // Not always equal: a loader asked in two waves may find all of a small page's keys
      // cached by its first wave and skip the second (seen: allTasks 8 for 5 rows, 9 for 25).
      // That is a batch more, not a statement per row: reading one row at a time would add
      // about twenty for the twenty more rows.
      const counts = { list, five: five.statements, twentyFive: twentyFive.statements };
      expect({ ...counts, grows: counts.twentyFive > counts.five + EXTRA_WAVES }).toEqual({
        ...counts,
        grows: false,
      });
      expect(twentyFive.statements).toBeLessThanOrEqual(BOUNDS[list]!);
      process.stdout.write(
        `${list}: ${twentyFive.rows} rows with their links and count: ${twentyFive.statements} SQL statements (${five.statements} for 5)\n`,
      );
    },
  );

  it("serves the assignment list screen's page of 25 in a few statements, as many as a page of 5", async () => {
    const query = `query ($page: Int, $perPage: Int) { items: allAssignments(page: $page, perPage: $perPage) { ${sparse(ASSIGNMENT_LIST_FIELDS)} } total: _allAssignmentsMeta { count } }`;
    const five = await page('allAssignments', 5, query);
    const twentyFive = await page('allAssignments', 25, query);
    expect([five.rows, twentyFive.rows]).toEqual([5, 25]);
    expect(twentyFive.statements).toBeLessThanOrEqual(five.statements);
    expect(twentyFive.statements).toBeLessThanOrEqual(ASSIGNMENT_SCREEN_BOUND);
    process.stdout.write(`assignment list screen, 25 rows: ${twentyFive.statements} SQL statements\n`);
  });
});

/**
 * The page and its count in one request, as ra-data-graphql-simple sends them, with every field
 * of the record; a linked record (or list of them) with all its own values, and the records
 * those link to by one value with theirs, as the console's columns show (e.g. a report's
 * assignment with its task and organization).
 */
function listQuery(schema: GraphQLSchema, list: string): string {
  const resource = list.slice(3, -1);
  const type = schema.getType(resource) as GraphQLObjectType;
  const args = '$page: Int, $perPage: Int';
  const pass = 'page: $page, perPage: $perPage';
  return `query ${list}(${args}) { items: ${list}(${pass}) { ${selection(type, 0, [resource])} } total: _${list}Meta { count } }`;
}

/** ra-data-graphql-simple's sparse fields as a selection: names, and `{ link: [names] }`. */
function sparse(fields: readonly unknown[]): string {
  return fields
    .map((field) =>
      typeof field === 'string'
        ? field
        : Object.entries(field as Record<string, unknown[]>)
            .map(([link, inner]) => `${link} { ${sparse(inner)} }`)
            .join(' '),
    )
    .join(' ');
}

function selection(type: GraphQLObjectType, depth: number, path: string[]): string {
  const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
  return fields
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type)))
    .flatMap((field) => {
      const named = getNamedType(field.type);
      if (named.name.startsWith('_')) return [];
      if (isLeafType(named)) return [field.name];
      if (!isObjectType(named) || path.includes(named.name)) return [];
      const list = isListType(getNullableType(field.type));
      // Below the record: linked records by one value only, two levels at most.
      if (depth >= 2 || (depth === 1 && list)) return [];
      return [`${field.name} { ${selection(named, depth + 1, [...path, named.name])} }`];
    })
    .join(' ');
}
