import { readFile } from 'node:fs/promises';

import { DEMO_PASSWORD } from '@dondoc/identity';
import { SEED_DOCUMENT_URL } from '@dondoc/ingestion';
import type { Organization } from '@dondoc/organizations';
import { graphql, type RunningApi, signIn } from '@dondoc/test-support';

/** The seed report's tasks section: task 3 and 3.1 call on the mass organizations. */
export const WOMENS_UNION_TASK = '3';
export const WOMENS_UNION_DEADLINE_TASK = '3.1';

export interface PublishedSeed {
  documentId: string;
  /** Task id by number ("1", "1.1", …). */
  tasks: Record<string, string>;
}

/**
 * The seed report (410-BC/TU) imported and published by the office through the API, for the
 * scenarios that start after publishing (the import wizard has a browser test of its own):
 * the Women's Union leads tasks 3 (quarterly, due `dueDate`) and 3.1 (due `shortDueDate`);
 * every other task goes to one lead body, the provincial People's Committee.
 */
export async function publishSeed(
  api: RunningApi,
  organizations: Map<string, Organization>,
  { dueDate, shortDueDate }: { dueDate: string; shortDueDate: string },
): Promise<PublishedSeed> {
  const office = await signIn(api.url, 'thuongtruc@dondoc.local', DEMO_PASSWORD);
  const ok = async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const { body } = await graphql<T>(api.url, query, variables, office.headers);
    if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const text = await readFile(SEED_DOCUMENT_URL, 'utf8');
  const { importDocument } = await ok<{
    importDocument: { id: string; tasks: { id: string; number: string }[] };
  }>('mutation ($input: DocumentInput!) { importDocument(input: $input) { id tasks { id number } } }', {
    input: { fileName: 'kon-tum-410-BC-TU-2019.txt', text },
  });
  const tasks = Object.fromEntries(importDocument.tasks.map((task) => [task.number, task.id]));
  const id = (key: string) => {
    const organization = organizations.get(key);
    if (!organization) throw new Error(`No organization ${key} in the seed`);
    return organization.id;
  };
  const lead = (key: string, due: string) => ({
    organizationId: id(key),
    role: 'LEAD',
    dueDate: due,
    cadence: 'QUARTERLY',
  });
  for (const [number, taskId] of Object.entries(tasks)) {
    const assignee =
      number === WOMENS_UNION_TASK
        ? lead('kt.pn', dueDate)
        : number === WOMENS_UNION_DEADLINE_TASK
          ? lead('kt.pn', shortDueDate)
          : lead('kt.ubnd', dueDate);
    await ok(
      'mutation ($taskId: ID!, $assignees: [AssigneeInput!]!) { setTaskAssignees(taskId: $taskId, assignees: $assignees) { id } }',
      { taskId, assignees: [assignee] },
    );
  }
  await ok('mutation ($id: ID!) { publishDocument(id: $id) { status } }', { id: importDocument.id });
  return { documentId: importDocument.id, tasks };
}
