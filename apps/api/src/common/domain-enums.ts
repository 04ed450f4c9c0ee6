import { registerEnumType } from '@nestjs/graphql';

import { AssignmentStatus, ExtensionStatus, ReportStatus, Timeliness } from '@dondoc/assignments';
import { AssignmentRole, Cadence, DocumentStatus, TaskKind } from '@dondoc/directives';

registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'What people did with an assignment.',
});
registerEnumType(Timeliness, {
  name: 'Timeliness',
  description:
    'Derived from status, due date and today (Asia/Ho_Chi_Minh): the four official categories plus due soon and cancelled.',
});
registerEnumType(AssignmentRole, {
  name: 'AssignmentRole',
  description: 'LEAD (chủ trì) or COORDINATE (phối hợp).',
});
registerEnumType(Cadence, { name: 'Cadence', description: 'How often progress is reported.' });
registerEnumType(ReportStatus, { name: 'ReportStatus' });
registerEnumType(ExtensionStatus, { name: 'ExtensionStatus' });
registerEnumType(TaskKind, {
  name: 'TaskKind',
  description: 'JOINT: one lead and coordinators. SHARED: each body leads its own part.',
});
registerEnumType(DocumentStatus, { name: 'DocumentStatus' });

export enum ReviewDecision {
  ACCEPT = 'ACCEPT',
  RETURN = 'RETURN',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });

export {
  AssignmentRole,
  AssignmentStatus,
  Cadence,
  DocumentStatus,
  ExtensionStatus,
  ReportStatus,
  TaskKind,
  Timeliness,
};
