import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

import type { Caller } from '@dondoc/identity';

import type { RequestContext } from './request-context.js';

/** The signed-in caller (the guard has put it there for every non-public operation). */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = GqlExecutionContext.create(context).getContext<RequestContext>().req.caller;
  if (!caller) throw new Error('CurrentCaller used on an operation that does not require sign-in');
  return caller;
});

/** The caller when signed in, or null (for public operations that behave better when known). */
export const OptionalCaller = createParamDecorator(
  (_: unknown, context: ExecutionContext): Caller | null =>
    GqlExecutionContext.create(context).getContext<RequestContext>().req.caller ?? null,
);

/**
 * The caller's network address, for login throttling: the same for the GraphQL login and the
 * console's REST sign-in (/auth/session), so both count against one throttle.
 */
export const ClientAddress = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const req =
    context.getType<string>() === 'graphql'
      ? GqlExecutionContext.create(context).getContext<RequestContext>().req
      : context.switchToHttp().getRequest<RequestContext['req']>();
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
});
