import type { AuditActor } from '@dondoc/audit';
import type { AccessScope } from '@dondoc/organizations';

/** Who is acting on assignments: their body, what they may see, and how the audit trail names them. */
export interface Acting {
  userId: string;
  organizationId: string;
  scope: AccessScope;
  audit: AuditActor;
}
