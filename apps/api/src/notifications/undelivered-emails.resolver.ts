import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';

import type { AuditActor } from '@dondoc/audit';
import { type Caller, Permission } from '@dondoc/identity';
import { UndeliveredMailService } from '@dondoc/notifications';

import { Actor } from '../auth/audit-actor.decorator.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { RetryUndeliveredEmailsArgs, UndeliveredEmailListArgs } from './undelivered-email-filter.input.js';
import { UndeliveredEmailObject, toUndeliveredEmailObject } from './undelivered-email.object.js';

/** E-mail that did not get through, for administrators: see it, and send it again. */
@Resolver(() => UndeliveredEmailObject)
export class UndeliveredEmailsResolver {
  constructor(private readonly undelivered: UndeliveredMailService) {}

  @Query(() => [UndeliveredEmailObject], {
    description:
      'E-mail that failed at least once and is not delivered (given up, or still retried with back-off), newest first (administrators).',
  })
  @RequirePermission(Permission.MAIL_MANAGE)
  async undeliveredEmails(@CurrentCaller() caller: Caller, @Args() list: UndeliveredEmailListArgs) {
    const { filter, ...paging } = list;
    return (await this.undelivered.list(caller.scope, filter ?? {}, paging)).map(toUndeliveredEmailObject);
  }

  @Mutation(() => Int, {
    description:
      'Sends undelivered e-mail again at the next run, with a fresh set of attempts: those among ids, or every given-up one when ids are omitted. Audited; returns how many (administrators).',
  })
  @RequirePermission(Permission.MAIL_MANAGE)
  retryUndeliveredEmails(
    @CurrentCaller() caller: Caller,
    @Args() { ids }: RetryUndeliveredEmailsArgs,
    @Actor() actor: AuditActor,
  ): Promise<number> {
    return this.undelivered.retry(caller.scope, ids ?? null, actor);
  }
}
