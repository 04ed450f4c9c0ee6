import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

import type { AuditActor } from '@dondoc/audit';

import type { RequestContext } from './request-context.js';

/** Who is acting, for the audit trail: the caller, their body and the request id. */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): AuditActor => {
  const req = GqlExecutionContext.create(context).getContext<RequestContext>()
    .req as RequestContext['req'] & {
    id?: unknown;
  };
  return {
    actorId: req.caller?.userId ?? null,
    actorOrganizationId: req.caller?.organizationId ?? null,
    requestId: typeof req.id === 'string' ? req.id : null,
  };
});
