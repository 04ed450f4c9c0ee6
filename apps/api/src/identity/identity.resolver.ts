import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';

import { AuthService, type Caller, Permission, ROLE_PERMISSIONS, Role, UsersService } from '@dondoc/identity';

import { ClientAddress, CurrentCaller } from '../auth/current-caller.decorator.js';
import type { RequestContext } from '../auth/request-context.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { AuthPayloadObject } from './auth-payload.object.js';
import { RolePermissionsObject } from './permission-map.object.js';
import { LoginArgs, RefreshTokenArgs } from './user-mutation.args.js';
import { toUserObject, UserObject } from './user.object.js';

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => AuthPayloadObject, {
    description:
      'Signs in. A wrong e-mail and a wrong password give the same answer. After 5 failures of an account since its last success, each attempt on it waits 1 s, 2 s, 4 s … (at most 15 minutes): TOO_MANY_REQUESTS with retryAfterSeconds.',
  })
  @RequirePermission(Permission.PUBLIC)
  async login(
    @Args() { email, password }: LoginArgs,
    @ClientAddress() address: string,
    @Context() context: RequestContext,
  ): Promise<AuthPayloadObject> {
    const session = await this.auth.login(email, password, address);
    // The payload's nested fields (user.organization) are read as the new user.
    context.req.caller = (await this.auth.authenticate(session.accessToken)) ?? undefined;
    return { ...session, user: toUserObject(session.user) };
  }

  @Mutation(() => AuthPayloadObject, {
    description: 'Exchanges a refresh token for a new pair (the old one stops working).',
  })
  @RequirePermission(Permission.PUBLIC)
  async refresh(
    @Args() { refreshToken }: RefreshTokenArgs,
    @Context() context: RequestContext,
  ): Promise<AuthPayloadObject> {
    const session = await this.auth.refresh(refreshToken);
    context.req.caller = (await this.auth.authenticate(session.accessToken)) ?? undefined;
    return { ...session, user: toUserObject(session.user) };
  }

  @Mutation(() => Boolean, {
    description: 'Ends the session of this refresh token; true when there was one.',
  })
  @RequirePermission(Permission.PUBLIC)
  logout(@Args() { refreshToken }: RefreshTokenArgs): Promise<boolean> {
    return this.auth.logout(refreshToken);
  }

  @Query(() => UserObject, { description: 'The signed-in user.' })
  @RequirePermission(Permission.SIGNED_IN)
  async me(@CurrentCaller() caller: Caller): Promise<UserObject> {
    return toUserObject(await this.users.get({ kind: 'all' }, caller.userId));
  }

  @Query(() => [RolePermissionsObject], { description: 'The whole policy: what each role may do.' })
  @RequirePermission(Permission.PUBLIC)
  permissionMap(): RolePermissionsObject[] {
    return Object.values(Role).map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]] }));
  }
}
