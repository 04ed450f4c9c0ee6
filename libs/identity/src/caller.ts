import type { AccessScope } from '@dondoc/organizations';

import type { TokenClaims } from './access-token.js';
import { type Permission, permissionsOf } from './permission.js';
import { type Role } from './role.js';
import type { Locale } from './user.entity.js';

/** The signed-in person behind a request, as every service receives it. */
export class Caller {
  readonly permissions: ReadonlySet<Permission>;

  constructor(
    readonly userId: string,
    readonly organizationId: string,
    readonly roles: readonly Role[],
    readonly scope: AccessScope,
    readonly locale: Locale,
    readonly name: string,
    readonly email: string,
  ) {
    this.permissions = permissionsOf(roles);
  }

  static fromClaims(claims: TokenClaims): Caller {
    return new Caller(
      claims.userId,
      claims.organizationId,
      claims.roles,
      claims.scope,
      claims.locale,
      claims.name,
      claims.email,
    );
  }

  can(permission: Permission): boolean {
    return this.permissions.has(permission);
  }

  hasRole(role: Role): boolean {
    return this.roles.includes(role);
  }
}
