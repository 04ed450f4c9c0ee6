import { EnableExtensions1764201600000 } from './1764201600000-enable-extensions.js';
import { CreateOrganizationsAndUsers1764201650000 } from './1764201650000-create-organizations-and-users.js';
import { CreateAuditEvents1764201700000 } from './1764201700000-create-audit-events.js';
import { CreateDocumentsAndAssignments1764201800000 } from './1764201800000-create-documents-and-assignments.js';
import { CreateNotifications1764201900000 } from './1764201900000-create-notifications.js';
import { CreateAssignmentTransitions1764202000000 } from './1764202000000-create-assignment-transitions.js';
import { CreatePeriodSnapshots1764202100000 } from './1764202100000-create-period-snapshots.js';
import { CreateInspections1764202200000 } from './1764202200000-create-inspections.js';
import { CreateExports1764202250000 } from './1764202250000-create-exports.js';
import { AddOrganizationLineage1764202300000 } from './1764202300000-add-organization-lineage.js';
import { IndexOpenWorkByDueDate1764202400000 } from './1764202400000-index-open-work-by-due-date.js';
import { CreateAssignmentTallies1764202410000 } from './1764202410000-create-assignment-tallies.js';
import { AddSessionVersions1764202500000 } from './1764202500000-add-session-versions.js';
import { IndexSignInRecordsForThrottleAndPruning1764202510000 } from './1764202510000-index-sign-in-records-for-throttle-and-pruning.js';
import { AddAuditSubjectsAndKeyedChain1764202520000 } from './1764202520000-add-audit-subjects-and-keyed-chain.js';
import { AddDocumentConfidential1764202540000 } from './1764202540000-add-document-confidential.js';
import { AddMailRetrySchedule1764202600000 } from './1764202600000-add-mail-retry-schedule.js';
import { AddOutboxHandledAt1764202630000 } from './1764202630000-add-outbox-handled-at.js';
import { StripeAssignmentTallies1764202640000 } from './1764202640000-stripe-assignment-tallies.js';
import { AddAuditChainClaim1764202700000 } from './1764202700000-add-audit-chain-claim.js';
import { AddAssignmentTallyTotals1764202710000 } from './1764202710000-add-assignment-tally-totals.js';

/** Every migration, oldest first. A new migration is added here in the same commit. */
export const migrations = [
  EnableExtensions1764201600000,
  CreateOrganizationsAndUsers1764201650000,
  CreateAuditEvents1764201700000,
  CreateDocumentsAndAssignments1764201800000,
  CreateNotifications1764201900000,
  CreateAssignmentTransitions1764202000000,
  CreatePeriodSnapshots1764202100000,
  CreateInspections1764202200000,
  CreateExports1764202250000,
  AddOrganizationLineage1764202300000,
  IndexOpenWorkByDueDate1764202400000,
  CreateAssignmentTallies1764202410000,
  AddSessionVersions1764202500000,
  IndexSignInRecordsForThrottleAndPruning1764202510000,
  AddAuditSubjectsAndKeyedChain1764202520000,
  AddDocumentConfidential1764202540000,
  AddMailRetrySchedule1764202600000,
  AddOutboxHandledAt1764202630000,
  StripeAssignmentTallies1764202640000,
  AddAuditChainClaim1764202700000,
  AddAssignmentTallyTotals1764202710000,
];
