// The mixed work of a day, compressed: officers list their work (the console's list and its
// count), look at the dashboard, report progress, ask for extensions and for completion;
// supervisors read what waits for them and decide it. Each accepted write goes to the ledger
// with the traces it must have left: its row, its audit events, its outbox rows.

const LIST = `query ($f: AssignmentFilter) {
  allAssignments(filter: $f, page: 0, perPage: 25, sortField: "dueDate", sortOrder: "ASC") {
    id status dueDate version task { id number } organization { id name } } }`;
const COUNT = `query ($f: AssignmentFilter) {
  _allAssignmentsMeta(filter: $f, page: 0, perPage: 25, sortField: "dueDate", sortOrder: "ASC") { count } }`;
const DASHBOARD = '{ dashboard { total byTimeliness { timeliness count } } }';
const SUBMIT = `mutation ($i: SubmitProgressReportInput!) { submitProgressReport(input: $i) { id status period } }`;
const RETURNED = `query ($f: ProgressReportFilter) {
  allProgressReports(filter: $f, page: 0, perPage: 5) { id period assignment { id } } }`;
const REQUEST_EXTENSION = `mutation ($a: ID!, $d: Date!, $r: String!) {
  requestExtension(assignmentId: $a, proposedDueDate: $d, reason: $r) { id status } }`;
const REQUEST_COMPLETION = `mutation ($a: ID!, $s: String!) { requestCompletion(assignmentId: $a, summary: $s) { id status version } }`;
const SUBMITTED = `query { allProgressReports(filter: { status: [SUBMITTED] }, page: 0, perPage: 10) { id assignment { id } } }`;
const REVIEW = `mutation ($id: ID!, $d: ReviewDecision!, $c: String) { reviewProgressReport(id: $id, decision: $d, comment: $c) { id status } }`;
const PENDING = `query { allExtensionRequests(filter: { status: [PENDING] }, page: 0, perPage: 10) { id assignment { id } } }`;
const DECIDE_EXTENSION = `mutation ($id: ID!, $ok: Boolean!, $c: String) { decideExtension(id: $id, approve: $ok, comment: $c) { id status } }`;
const DECIDE_COMPLETION = `mutation ($a: ID!, $ok: Boolean!, $c: String) {
  decideCompletion(assignmentId: $a, accept: $ok, comment: $c) { id status version } }`;

const OPEN = new Set(['NOT_STARTED', 'IN_PROGRESS']);

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const addDays = (day, days) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
/** The k-th quarter from 2001-Q1: each submission of an assignment names a period of its own. */
const quarter = (k) => `${2001 + Math.floor(k / 4)}-Q${(k % 4) + 1}`;

/** Picks an action by weight: `[[weight, action], …]`. */
function weighted(choices) {
  const total = choices.reduce((sum, [weight]) => sum + weight, 0);
  let x = Math.random() * total;
  for (const [weight, action] of choices) {
    if ((x -= weight) < 0) return action;
  }
  return choices[choices.length - 1][1];
}

/** The traces of each kind of accepted write (see reconcile.mjs). */
const traces = {
  submitReport: (report, assignmentId) => ({
    row: ['progress_reports', report.id],
    audit: [
      ['progress_report', report.id, ['report.submitted', 'report.resubmitted']],
      ['assignment', assignmentId, ['assignment.progress_reported']],
    ],
    outbox: [['report.submitted', assignmentId]],
  }),
  reviewReport: (report, accept) => ({
    row: ['progress_reports', report.id],
    audit: [['progress_report', report.id, [accept ? 'report.accepted' : 'report.returned']]],
    outbox: [['report.reviewed', report.id]],
  }),
  requestExtension: (request) => ({
    row: ['extension_requests', request.id],
    audit: [['extension_request', request.id, ['extension.requested']]],
    outbox: [['extension.requested', request.id]],
  }),
  decideExtension: (request, approve, assignmentId) => ({
    row: ['extension_requests', request.id],
    audit: [
      ['extension_request', request.id, [approve ? 'extension.approved' : 'extension.rejected']],
      ...(approve ? [['assignment', assignmentId, ['assignment.extended']]] : []),
    ],
    outbox: [['extension.decided', request.id]],
  }),
  requestCompletion: (assignment) => ({
    row: ['assignments', assignment.id],
    audit: [['assignment', assignment.id, ['assignment.completion_requested'], assignment.version]],
    outbox: [['completion.requested', assignment.id]],
  }),
  decideCompletion: (assignment, accept) => ({
    row: ['assignments', assignment.id],
    audit: [
      [
        'assignment',
        assignment.id,
        [accept ? 'assignment.completion_accepted' : 'assignment.completion_refused'],
        assignment.version,
      ],
    ],
    outbox: [['completion.decided', assignment.id]],
  }),
};

/**
 * Runs every officer and supervisor loop until `until()` says stop. `client.call` never
 * throws; `recorder` counts and judges each call.
 */
export async function runWorkload({ client, recorder, officers, supervisors, until, thinkMs = 100 }) {
  const think = () => sleep(Math.random() * thinkMs);
  const call = async (kind, query, variables, token) =>
    recorder.record(kind, await client.call(query, variables, token));

  const officerLoop = async (officer) => {
    let assignments = [];
    const periods = new Map();
    const proposed = new Map();
    const refresh = async () => {
      const [list] = await Promise.all([
        call('list', LIST, { f: {} }, officer.token),
        call('count', COUNT, { f: {} }, officer.token),
      ]);
      if (list.ok) assignments = list.data.allAssignments;
    };
    await refresh();
    while (!until()) {
      const open = assignments.filter((a) => OPEN.has(a.status));
      const action = weighted([
        [30, 'list'],
        [10, 'dashboard'],
        [30, 'submit'],
        [5, 'resubmit'],
        [12, 'extension'],
        [13, 'completion'],
      ]);
      if (action === 'list' || open.length === 0) {
        await refresh();
      } else if (action === 'dashboard') {
        await call('dashboard', DASHBOARD, {}, officer.token);
      } else if (action === 'submit') {
        const assignment = pick(open);
        const k = periods.get(assignment.id) ?? 0;
        periods.set(assignment.id, k + 1);
        const percent = Math.min(95, 5 * (k + 1));
        const result = await call(
          'submitReport',
          SUBMIT,
          {
            i: {
              assignmentId: assignment.id,
              period: quarter(k),
              percentComplete: percent,
              results: `Đã thực hiện ${percent}%.`,
            },
          },
          officer.token,
        );
        if (result.ok) {
          recorder.accepted({
            kind: 'submitReport',
            ...traces.submitReport(result.data.submitProgressReport, assignment.id),
          });
          assignment.status = 'IN_PROGRESS';
        }
      } else if (action === 'resubmit') {
        const returned = await call('listReturned', RETURNED, { f: { status: ['RETURNED'] } }, officer.token);
        const report = returned.ok ? returned.data.allProgressReports[0] : undefined;
        if (report) {
          const result = await call(
            'resubmitReport',
            SUBMIT,
            {
              i: {
                assignmentId: report.assignment.id,
                period: report.period,
                percentComplete: 50,
                results: 'Đã bổ sung theo ý kiến.',
              },
            },
            officer.token,
          );
          if (result.ok) {
            recorder.accepted({
              kind: 'resubmitReport',
              ...traces.submitReport(result.data.submitProgressReport, report.assignment.id),
            });
          }
        }
      } else if (action === 'extension') {
        const assignment = pick(open.filter((a) => a.dueDate));
        if (assignment) {
          const base = [assignment.dueDate, proposed.get(assignment.id) ?? ''].sort().at(-1);
          const day = addDays(base, 7);
          proposed.set(assignment.id, day);
          const result = await call(
            'requestExtension',
            REQUEST_EXTENSION,
            { a: assignment.id, d: day, r: 'Cần thêm thời gian phối hợp.' },
            officer.token,
          );
          if (result.ok)
            recorder.accepted({
              kind: 'requestExtension',
              ...traces.requestExtension(result.data.requestExtension),
            });
        }
      } else {
        const assignment = pick(open.filter((a) => a.status === 'IN_PROGRESS'));
        if (assignment) {
          const result = await call(
            'requestCompletion',
            REQUEST_COMPLETION,
            { a: assignment.id, s: 'Đã hoàn thành.' },
            officer.token,
          );
          if (result.ok) {
            assignment.status = 'COMPLETION_REQUESTED';
            recorder.accepted({
              kind: 'requestCompletion',
              ...traces.requestCompletion(result.data.requestCompletion),
            });
          }
        }
      }
      await think();
    }
  };

  const supervisorLoop = async (supervisor) => {
    while (!until()) {
      const action = weighted([
        [40, 'reports'],
        [20, 'extensions'],
        [25, 'completions'],
        [15, 'dashboard'],
      ]);
      if (action === 'dashboard') {
        await call('dashboard', DASHBOARD, {}, supervisor.token);
      } else if (action === 'reports') {
        const list = await call('listSubmitted', SUBMITTED, {}, supervisor.token);
        const report = list.ok ? pick(list.data.allProgressReports) : undefined;
        if (report) {
          const accept = Math.random() < 0.7;
          const result = await call(
            'reviewReport',
            REVIEW,
            { id: report.id, d: accept ? 'ACCEPT' : 'RETURN', c: accept ? null : 'Bổ sung số liệu.' },
            supervisor.token,
          );
          if (result.ok)
            recorder.accepted({
              kind: 'reviewReport',
              ...traces.reviewReport(result.data.reviewProgressReport, accept),
            });
        }
      } else if (action === 'extensions') {
        const list = await call('listPending', PENDING, {}, supervisor.token);
        const request = list.ok ? pick(list.data.allExtensionRequests) : undefined;
        if (request) {
          const approve = Math.random() < 0.5;
          const result = await call(
            'decideExtension',
            DECIDE_EXTENSION,
            { id: request.id, ok: approve, c: approve ? null : 'Chưa đủ căn cứ.' },
            supervisor.token,
          );
          if (result.ok) {
            recorder.accepted({
              kind: 'decideExtension',
              ...traces.decideExtension(result.data.decideExtension, approve, request.assignment.id),
            });
          }
        }
      } else {
        const list = await call(
          'listCompletions',
          LIST,
          { f: { status: ['COMPLETION_REQUESTED'] } },
          supervisor.token,
        );
        const assignment = list.ok ? pick(list.data.allAssignments) : undefined;
        if (assignment) {
          // Most are sent back, so the officers keep work to do for the whole run.
          const accept = Math.random() < 0.25;
          const result = await call(
            'decideCompletion',
            DECIDE_COMPLETION,
            { a: assignment.id, ok: accept, c: accept ? null : 'Chưa đủ hồ sơ.' },
            supervisor.token,
          );
          if (result.ok)
            recorder.accepted({
              kind: 'decideCompletion',
              ...traces.decideCompletion(result.data.decideCompletion, accept),
            });
        }
      }
      await think();
    }
  };

  recorder.start();
  await Promise.all([...officers.map(officerLoop), ...supervisors.map(supervisorLoop)]);
  recorder.stop();
}
