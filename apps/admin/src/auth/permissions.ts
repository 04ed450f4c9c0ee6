/** The roles the API gives a user (API.md, Identity). */
export const ROLES = ['ADMIN', 'SUPERVISOR', 'ORG_OFFICER', 'INSPECTOR', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The server's permission names (libs/identity/src/permission.ts), as `permissionMap`
 * returns them. The console never invents one: each console action below names the
 * server permission that the API's guard checks for the operation behind it.
 */
export const PERMISSION = {
  ORGANIZATION_READ: 'organization:read',
  ORGANIZATION_MANAGE: 'organization:manage',
  ORGANIZATION_REORGANIZE: 'organization:reorganize',
  USER_READ: 'user:read',
  USER_MANAGE: 'user:manage',
  AUDIT_READ: 'audit:read',
  MAIL_MANAGE: 'mail:manage',
  DOCUMENT_READ: 'document:read',
  DOCUMENT_IMPORT: 'document:import',
  DOCUMENT_PUBLISH: 'document:publish',
  TASK_ASSIGN: 'task:assign',
  ASSIGNMENT_READ: 'assignment:read',
  ASSIGNMENT_DELEGATE: 'assignment:delegate',
  ASSIGNMENT_CANCEL: 'assignment:cancel',
  REPORT_SUBMIT: 'report:submit',
  REPORT_REVIEW: 'report:review',
  EXTENSION_REQUEST: 'extension:request',
  EXTENSION_DECIDE: 'extension:decide',
  COMPLETION_REQUEST: 'completion:request',
  COMPLETION_DECIDE: 'completion:decide',
  INSPECTION_READ: 'inspection:read',
  INSPECTION_RECORD: 'inspection:record',
  DASHBOARD_READ: 'dashboard:read',
  EXPORT_CREATE: 'export:create',
  SIGNED_IN: 'signed-in',
} as const;
export type Permission = (typeof PERMISSION)[keyof typeof PERMISSION];

/** Role → the server permission names it holds, as `permissionMap` answers. */
export type RolePermissions = Readonly<Partial<Record<Role, readonly string[]>>>;

export interface AccessRequest {
  resource: string;
  action: string;
}

const READ = (permission: Permission) => ({ list: permission, show: permission, export: permission });

/**
 * What react-admin (and the console's own screens) ask → the server permission it needs.
 * Resource names are the API's type names, as ra-data-graphql-simple expects them.
 */
export const ACCESS_RULES: Readonly<Record<string, Readonly<Record<string, Permission>>>> = {
  Document: {
    ...READ(PERMISSION.DOCUMENT_READ),
    create: PERMISSION.DOCUMENT_IMPORT,
    import: PERMISSION.DOCUMENT_IMPORT,
    publish: PERMISSION.DOCUMENT_PUBLISH,
  },
  Task: { ...READ(PERMISSION.DOCUMENT_READ), assign: PERMISSION.TASK_ASSIGN },
  Assignment: {
    ...READ(PERMISSION.ASSIGNMENT_READ),
    submit_report: PERMISSION.REPORT_SUBMIT,
    review_report: PERMISSION.REPORT_REVIEW,
    request_extension: PERMISSION.EXTENSION_REQUEST,
    decide_extension: PERMISSION.EXTENSION_DECIDE,
    request_completion: PERMISSION.COMPLETION_REQUEST,
    decide_completion: PERMISSION.COMPLETION_DECIDE,
    record_inspection: PERMISSION.INSPECTION_RECORD,
    cancel: PERMISSION.ASSIGNMENT_CANCEL,
  },
  ProgressReport: { ...READ(PERMISSION.ASSIGNMENT_READ), review: PERMISSION.REPORT_REVIEW },
  ExtensionRequest: { ...READ(PERMISSION.ASSIGNMENT_READ), decide: PERMISSION.EXTENSION_DECIDE },
  Inspection: { ...READ(PERMISSION.INSPECTION_READ), create: PERMISSION.INSPECTION_RECORD },
  Organization: {
    ...READ(PERMISSION.ORGANIZATION_READ),
    create: PERMISSION.ORGANIZATION_MANAGE,
    edit: PERMISSION.ORGANIZATION_MANAGE,
    reorganize: PERMISSION.ORGANIZATION_REORGANIZE,
  },
  User: { ...READ(PERMISSION.USER_READ), create: PERMISSION.USER_MANAGE, edit: PERMISSION.USER_MANAGE },
  Notification: READ(PERMISSION.SIGNED_IN),
  AuditEvent: READ(PERMISSION.AUDIT_READ),
  UndeliveredEmail: { list: PERMISSION.MAIL_MANAGE, retry: PERMISSION.MAIL_MANAGE },
  Export: { create: PERMISSION.EXPORT_CREATE },
  dashboard: { read: PERMISSION.DASHBOARD_READ },
  calendar: { read: PERMISSION.ASSIGNMENT_READ },
};

/** The server permissions a set of roles holds. */
export function permissionsOf(rolePermissions: RolePermissions, roles: readonly string[]): Set<string> {
  return new Set(roles.filter(isRole).flatMap((role) => rolePermissions[role] ?? []));
}

/**
 * Deny by default: a request is allowed when the console knows which server permission it
 * needs and one of the user's roles holds it in the server's map.
 */
export function createCanAccess(rolePermissions: RolePermissions) {
  return (roles: readonly string[], { resource, action }: AccessRequest): boolean => {
    const needed = ACCESS_RULES[resource]?.[action];
    return needed !== undefined && permissionsOf(rolePermissions, roles).has(needed);
  };
}

/** `permissionMap` as the API answers it → the map canAccess reads. */
export function toRolePermissions(
  entries: readonly { role: string; permissions: readonly string[] }[],
): RolePermissions {
  const map: Partial<Record<Role, readonly string[]>> = {};
  for (const { role, permissions } of entries) if (isRole(role)) map[role] = permissions;
  return map;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
