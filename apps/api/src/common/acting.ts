import type { Acting } from '@dondoc/assignments';
import type { AuditActor } from '@dondoc/audit';
import type { Caller } from '@dondoc/identity';

/** What the assignment services need to know of the caller. */
export function actingOf(caller: Caller, actor: AuditActor): Acting {
  return { userId: caller.userId, organizationId: caller.organizationId, scope: caller.scope, audit: actor };
}
