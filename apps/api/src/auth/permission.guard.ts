import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';

import { AuthService, Caller, isPermission, Permission } from '@dondoc/identity';
import { DomainErrorCode, DomainException } from '@dondoc/platform';

import type { RequestContext } from './request-context.js';

/**
 * Deny by default. Every GraphQL operation must declare a permission (see
 * RequirePermission); one that declares none is refused for everyone. A signed-in caller
 * is attached to the request for the services, which then scope every query by it.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true; // REST routes guard themselves
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const { req } = gql.getContext<RequestContext>();
    const field = info.parentType.getFields()[info.fieldName];
    const permission = field?.extensions?.permission;
    if (!isPermission(permission)) {
      throw new DomainException(DomainErrorCode.FORBIDDEN, {
        en: `${info.fieldName} declares no permission and is refused`,
        vi: `${info.fieldName} chưa khai báo quyền nên bị từ chối`,
      });
    }
    // Nested fields (Organization.parent…) are guarded by their root operation.
    if (info.parentType.name !== 'Query' && info.parentType.name !== 'Mutation') return true;
    const caller = req.caller ?? (await this.authenticate(req.headers.authorization));
    if (caller) req.caller = caller;
    if (permission === Permission.PUBLIC) return true;
    if (!caller) {
      throw new DomainException(DomainErrorCode.UNAUTHENTICATED, {
        en: 'Sign in first: this needs an access token (Authorization: Bearer …)',
        vi: 'Vui lòng đăng nhập: thao tác này cần mã truy cập',
      });
    }
    if (!caller.can(permission)) {
      throw new DomainException(
        DomainErrorCode.FORBIDDEN,
        {
          en: `Your role may not do this (${info.fieldName} needs ${permission})`,
          vi: `Vai trò của bạn không được thực hiện thao tác này (${info.fieldName} cần quyền ${permission})`,
        },
        { permission },
      );
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Caller | null> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match?.[1]) return null;
    const caller = await this.auth.authenticate(match[1]);
    if (!caller) {
      throw new DomainException(DomainErrorCode.UNAUTHENTICATED, {
        en: 'The access token is invalid or has expired: refresh it or sign in again',
        vi: 'Mã truy cập không hợp lệ hoặc đã hết hạn: vui lòng đăng nhập lại',
      });
    }
    return caller;
  }
}
