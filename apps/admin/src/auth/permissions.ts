/** The roles the API gives a user (API.md, Identity). */
export const ROLES = ['ADMIN', 'SUPERVISOR', 'ORG_OFFICER', 'INSPECTOR', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Role → permissions, the one map the API also enforces (STYLE rule 9). A
 * permission names a resource and an action, as react-admin asks about them:
 * `assignments.list`, `progress_reports.create`. The console has no resources
 * yet, so the map is empty; issue 7 fills it from the server's map.
 */
export type RolePermissions = Readonly<Partial<Record<Role, readonly string[]>>>;

export interface AccessRequest {
  resource: string;
  action: string;
}

/** Deny by default: a user may do what one of their roles lists, nothing else. */
export function createCanAccess(rolePermissions: RolePermissions) {
  return (roles: readonly string[], { resource, action }: AccessRequest): boolean => {
    const permission = `${resource}.${action}`;
    return roles.some((role) => isRole(role) && (rolePermissions[role]?.includes(permission) ?? false));
  };
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
