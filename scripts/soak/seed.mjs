// The soak's people and work, made through the API as an administrator and the office would:
// one body per officer under the province, the officers and supervisors as logins, the seed
// report (410-BC/TU) imported, every task made SHARED and given to every body, published.
// The demo data (`cli seed --demo`) must be there: the province, the office, the admin login.
import { readFile } from 'node:fs/promises';

import { LOGIN } from './client.mjs';

export const SOAK_PASSWORD = 'soak-password-1';
const DEMO_ADMIN = { email: 'admin@dondoc.local', password: 'dondoc-demo' };
const SEED_DOCUMENT = new URL(
  '../../dist/libs/ingestion/test-documents/seed/kon-tum-410-BC-TU-2019.txt',
  import.meta.url,
);

/** Runs `job` over `items`, `width` at a time, keeping the order of the results. */
export async function inBatches(items, width, job) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await job(items[i], i);
      }
    }),
  );
  return results;
}

function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Seeds `officers` bodies with one officer each and `supervisors` office logins, and the
 * published document. `pool` reads the demo bodies' ids. Returns the sessions to drive.
 */
export async function seedSoak({ client, pool, officers, supervisors, tag }) {
  const { rows } = await pool.query(`SELECT key, id FROM organizations WHERE key IN ('kt.tu', 'kt.tu.vp')`);
  const byKey = Object.fromEntries(rows.map((row) => [row.key, row.id]));
  if (!byKey['kt.tu'] || !byKey['kt.tu.vp']) {
    throw new Error('The demo data is missing: run `npm run cli -- seed --demo` on that database first');
  }
  const t0 = performance.now();
  const lap = (what) =>
    process.env.SOAK_DEBUG && process.stderr.write(`  ${what}: ${Math.round(performance.now() - t0)} ms\n`);
  const admin = (await client.must(LOGIN, { e: DEMO_ADMIN.email, p: DEMO_ADMIN.password })).login.accessToken;

  const bodies = await inBatches(
    Array.from({ length: officers }, (_, i) => i),
    4,
    async (i) =>
      (
        await client.must(
          `mutation ($name: String!, $short: String!, $parent: ID!) {
            createOrganization(name: $name, shortName: $short, kind: DEPARTMENT, level: PROVINCE, parentId: $parent) { id } }`,
          { name: `Sở thử tải ${tag} số ${i + 1}`, short: `Sở ${tag}-${i + 1}`, parent: byKey['kt.tu'] },
          admin,
        )
      ).createOrganization.id,
  );
  lap('bodies');
  const createUser = (email, name, organizationId, role) =>
    client.must(
      `mutation ($email: String!, $name: String!, $org: ID!, $password: String!, $roles: [Role!]!) {
        createUser(email: $email, name: $name, organizationId: $org, password: $password, roles: $roles) { id } }`,
      { email, name, org: organizationId, password: SOAK_PASSWORD, roles: [role] },
      admin,
    );
  const officerEmails = bodies.map((_, i) => `soak-${tag}-officer-${i + 1}@soak.local`);
  const supervisorEmails = Array.from(
    { length: supervisors },
    (_, i) => `soak-${tag}-supervisor-${i + 1}@soak.local`,
  );
  await inBatches(officerEmails, 4, (email, i) =>
    createUser(email, `Cán bộ ${i + 1}`, bodies[i], 'ORG_OFFICER'),
  );
  await inBatches(supervisorEmails, 4, (email, i) =>
    createUser(email, `Văn phòng ${i + 1}`, byKey['kt.tu.vp'], 'SUPERVISOR'),
  );
  lap('users');
  const signIn = async (email) => {
    const { login } = await client.must(LOGIN, { e: email, p: SOAK_PASSWORD });
    return {
      email,
      token: login.accessToken,
      userId: login.user.id,
      organizationId: login.user.organization.id,
    };
  };
  const supervisorSessions = await inBatches(supervisorEmails, 4, signIn);

  lap('supervisors signed in');
  // The office reads the report in and gives every task to every body, each leading its part.
  const office = supervisorSessions[0].token;
  const text = await readFile(SEED_DOCUMENT, 'utf8');
  const { importDocument } = await client.must(
    'mutation ($input: DocumentInput!) { importDocument(input: $input) { id tasks { id number } } }',
    { input: { fileName: `soak-${tag}.txt`, text } },
    office,
  );
  lap('imported');
  const dueDate = addDays(new Date().toISOString().slice(0, 10), 180);
  const assignees = bodies.map((organizationId) => ({
    organizationId,
    role: 'LEAD',
    dueDate,
    cadence: 'QUARTERLY',
  }));
  for (const task of importDocument.tasks) {
    await client.must(
      'mutation ($id: ID!) { updateTask(id: $id, kind: SHARED) { id } }',
      { id: task.id },
      office,
    );
    await client.must(
      'mutation ($t: ID!, $a: [AssigneeInput!]!) { setTaskAssignees(taskId: $t, assignees: $a) { id } }',
      { t: task.id, a: assignees },
      office,
    );
  }
  await client.must(
    'mutation ($id: ID!) { publishDocument(id: $id) { status } }',
    { id: importDocument.id },
    office,
  );
  lap('published');
  const officerSessions = await inBatches(officerEmails, 4, signIn);
  lap('officers signed in');
  return {
    documentId: importDocument.id,
    tasks: importDocument.tasks.length,
    officers: officerSessions,
    supervisors: supervisorSessions,
  };
}
