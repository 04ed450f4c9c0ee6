import type { DialogField } from '../common/action-dialog';
import { todayInVietnam, addDays } from '../common/dates';
import { choicesOf, INSPECTION_SEVERITY } from '../common/enums';
import type { GraphqlRequest } from '../data/graphql-client';
import {
  type AssignmentPageData,
  DECIDE_COMPLETION,
  DECIDE_EXTENSION,
  CANCEL_ASSIGNMENT,
  RECORD_INSPECTION,
  RESOLVE_INSPECTION,
  REQUEST_COMPLETION,
  REQUEST_EXTENSION,
  REVIEW_REPORT,
  SUBMIT_REPORT,
} from './assignment-queries';
import { periodOf } from './reporting-period';

/** One dialog: its title and button (catalogue keys), its fields, and the mutation it runs. */
export interface ActionSpec {
  key: string;
  title: string;
  submitLabel: string;
  fields: DialogField[];
  run: (values: Record<string, string>) => Promise<unknown>;
}

const F = 'app.assignment.fields.';
const text = (value: string | undefined) => (value ?? '').trim();

export function submitReportAction(
  request: GraphqlRequest,
  assignment: Pick<AssignmentPageData, 'id' | 'version' | 'cadence' | 'percentComplete'>,
  period?: string,
): ActionSpec {
  return {
    key: 'submit_report',
    title: 'app.assignment.submit_report',
    submitLabel: 'app.assignment.send',
    fields: [
      {
        name: 'period',
        label: `${F}period`,
        required: true,
        defaultValue: period ?? periodOf(assignment.cadence, todayInVietnam()),
      },
      {
        name: 'percentComplete',
        label: `${F}percentComplete`,
        type: 'number',
        required: true,
        min: 0,
        max: 100,
        defaultValue: String(assignment.percentComplete),
      },
      { name: 'results', label: `${F}results`, type: 'multiline', required: true },
      { name: 'difficulties', label: `${F}difficulties`, type: 'multiline' },
      { name: 'proposals', label: `${F}proposals`, type: 'multiline' },
    ],
    run: (values) =>
      request(SUBMIT_REPORT, {
        input: {
          assignmentId: assignment.id,
          expectedVersion: assignment.version,
          period: text(values.period),
          percentComplete: Number(values.percentComplete),
          results: text(values.results),
          difficulties: text(values.difficulties),
          proposals: text(values.proposals),
        },
      }),
  };
}

export function reviewReportAction(
  request: GraphqlRequest,
  reportId: string,
  decision: 'ACCEPT' | 'RETURN',
): ActionSpec {
  return {
    key: `review_${decision}`,
    title: decision === 'ACCEPT' ? 'app.assignment.accept_report' : 'app.assignment.return_report',
    submitLabel: decision === 'ACCEPT' ? 'app.assignment.accept' : 'app.assignment.return',
    // A return needs a comment: the assignee must know what to fix.
    fields: [{ name: 'comment', label: `${F}comment`, type: 'multiline', required: decision === 'RETURN' }],
    run: (values) =>
      request(REVIEW_REPORT, { id: reportId, decision, comment: text(values.comment) || null }),
  };
}

export function requestExtensionAction(
  request: GraphqlRequest,
  assignment: Pick<AssignmentPageData, 'id' | 'version' | 'dueDate'>,
): ActionSpec {
  return {
    key: 'request_extension',
    title: 'app.assignment.request_extension',
    submitLabel: 'app.assignment.send',
    fields: [
      {
        name: 'proposedDueDate',
        label: `${F}proposedDueDate`,
        type: 'date',
        required: true,
        defaultValue: addDays(assignment.dueDate ?? todayInVietnam(), 30),
      },
      { name: 'reason', label: `${F}reason`, type: 'multiline', required: true },
    ],
    run: (values) =>
      request(REQUEST_EXTENSION, {
        assignmentId: assignment.id,
        expectedVersion: assignment.version,
        proposedDueDate: values.proposedDueDate,
        reason: text(values.reason),
      }),
  };
}

export function decideExtensionAction(
  request: GraphqlRequest,
  extensionId: string,
  approve: boolean,
): ActionSpec {
  return {
    key: `decide_extension_${approve}`,
    title: approve ? 'app.assignment.approve_extension' : 'app.assignment.reject_extension',
    submitLabel: approve ? 'app.assignment.approve' : 'app.assignment.reject',
    fields: [{ name: 'comment', label: `${F}comment`, type: 'multiline', required: !approve }],
    run: (values) =>
      request(DECIDE_EXTENSION, { id: extensionId, approve, comment: text(values.comment) || null }),
  };
}

export function requestCompletionAction(
  request: GraphqlRequest,
  assignment: Pick<AssignmentPageData, 'id' | 'version'>,
): ActionSpec {
  return {
    key: 'request_completion',
    title: 'app.assignment.request_completion',
    submitLabel: 'app.assignment.send',
    fields: [{ name: 'summary', label: `${F}summary`, type: 'multiline', required: true }],
    run: (values) =>
      request(REQUEST_COMPLETION, {
        assignmentId: assignment.id,
        expectedVersion: assignment.version,
        summary: text(values.summary),
      }),
  };
}

export function decideCompletionAction(
  request: GraphqlRequest,
  assignment: Pick<AssignmentPageData, 'id' | 'version'>,
  accept: boolean,
): ActionSpec {
  return {
    key: `decide_completion_${accept}`,
    title: accept ? 'app.assignment.confirm_completion' : 'app.assignment.refuse_completion',
    submitLabel: accept ? 'app.assignment.confirm' : 'app.assignment.return',
    fields: [{ name: 'comment', label: `${F}comment`, type: 'multiline', required: !accept }],
    run: (values) =>
      request(DECIDE_COMPLETION, {
        assignmentId: assignment.id,
        expectedVersion: assignment.version,
        accept,
        comment: text(values.comment) || null,
      }),
  };
}

export function recordInspectionAction(request: GraphqlRequest, assignmentId: string): ActionSpec {
  return {
    key: 'record_inspection',
    title: 'app.assignment.record_inspection',
    submitLabel: 'app.assignment.record',
    fields: [
      { name: 'finding', label: `${F}finding`, type: 'multiline', required: true },
      {
        name: 'severity',
        label: `${F}severity`,
        type: 'select',
        required: true,
        choices: choicesOf('inspection_severity', INSPECTION_SEVERITY),
        defaultValue: 'MEDIUM',
      },
      { name: 'remedy', label: `${F}remedy`, type: 'multiline', required: true },
      {
        name: 'followUpDate',
        label: `${F}followUpDate`,
        type: 'date',
        required: true,
        defaultValue: addDays(todayInVietnam(), 30),
      },
    ],
    run: (values) =>
      request(RECORD_INSPECTION, {
        input: {
          assignmentId,
          finding: text(values.finding),
          severity: values.severity,
          remedy: text(values.remedy),
          followUpDate: values.followUpDate,
        },
      }),
  };
}

export function cancelAssignmentAction(
  request: GraphqlRequest,
  assignment: Pick<AssignmentPageData, 'id' | 'version'>,
): ActionSpec {
  return {
    key: 'cancel',
    title: 'app.assignment.cancel',
    submitLabel: 'app.assignment.cancel',
    fields: [{ name: 'reason', label: `${F}reason`, type: 'multiline', required: true }],
    run: (values) =>
      request(CANCEL_ASSIGNMENT, {
        assignmentId: assignment.id,
        expectedVersion: assignment.version,
        reason: text(values.reason),
      }),
  };
}

export function resolveInspectionAction(request: GraphqlRequest, inspectionId: string): ActionSpec {
  return {
    key: `resolve_${inspectionId}`,
    title: 'app.assignment.resolve_inspection',
    submitLabel: 'app.assignment.record',
    fields: [{ name: 'note', label: `${F}resolutionNote`, type: 'multiline', required: true }],
    run: (values) => request(RESOLVE_INSPECTION, { id: inspectionId, note: text(values.note) }),
  };
}
