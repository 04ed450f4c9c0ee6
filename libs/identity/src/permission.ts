import { Role } from './role.js';

/**
 * Everything a caller may be allowed to do. Every GraphQL operation declares exactly one
 * of these (or PUBLIC / SIGNED_IN); the role map below is the whole policy, read by the
 * API's guard and, through `permissionMap`, by the console's `canAccess`.
 */
export enum Permission {
  /** No sign-in needed: login, refresh, logout, serverInfo. */
  PUBLIC = 'public',
  /** Any signed-in user, about themselves: me, their notifications. */
  SIGNED_IN = 'signed-in',

  ORGANIZATION_READ = 'organization:read',
  ORGANIZATION_MANAGE = 'organization:manage',
  ORGANIZATION_REORGANIZE = 'organization:reorganize',
  USER_READ = 'user:read',
  USER_MANAGE = 'user:manage',
  AUDIT_READ = 'audit:read',
  /** E-mail that did not get through: list it and send it again (administrators). */
  MAIL_MANAGE = 'mail:manage',

  DOCUMENT_READ = 'document:read',
  DOCUMENT_IMPORT = 'document:import',
  DOCUMENT_PUBLISH = 'document:publish',
  TASK_ASSIGN = 'task:assign',
  ASSIGNMENT_READ = 'assignment:read',
  ASSIGNMENT_DELEGATE = 'assignment:delegate',
  ASSIGNMENT_CANCEL = 'assignment:cancel',
  REPORT_SUBMIT = 'report:submit',
  REPORT_REVIEW = 'report:review',
  EXTENSION_REQUEST = 'extension:request',
  EXTENSION_DECIDE = 'extension:decide',
  COMPLETION_REQUEST = 'completion:request',
  COMPLETION_DECIDE = 'completion:decide',
  INSPECTION_READ = 'inspection:read',
  INSPECTION_RECORD = 'inspection:record',
  DASHBOARD_READ = 'dashboard:read',
  EXPORT_CREATE = 'export:create',
}

const READ_JURISDICTION = [
  Permission.ORGANIZATION_READ,
  Permission.DOCUMENT_READ,
  Permission.ASSIGNMENT_READ,
  Permission.INSPECTION_READ,
  Permission.DASHBOARD_READ,
];

/** The policy: what each role may do. Row scope (which bodies) is decided separately. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.ADMIN]: Object.values(Permission),
  [Role.SUPERVISOR]: [
    Permission.PUBLIC,
    Permission.SIGNED_IN,
    ...READ_JURISDICTION,
    Permission.USER_READ,
    Permission.AUDIT_READ,
    Permission.DOCUMENT_IMPORT,
    Permission.DOCUMENT_PUBLISH,
    Permission.TASK_ASSIGN,
    Permission.ASSIGNMENT_DELEGATE,
    Permission.ASSIGNMENT_CANCEL,
    Permission.REPORT_REVIEW,
    Permission.EXTENSION_DECIDE,
    Permission.COMPLETION_DECIDE,
    Permission.EXPORT_CREATE,
  ],
  [Role.ORG_OFFICER]: [
    Permission.PUBLIC,
    Permission.SIGNED_IN,
    Permission.ORGANIZATION_READ,
    Permission.DOCUMENT_READ,
    Permission.ASSIGNMENT_READ,
    Permission.ASSIGNMENT_DELEGATE,
    Permission.REPORT_SUBMIT,
    Permission.EXTENSION_REQUEST,
    Permission.COMPLETION_REQUEST,
    Permission.INSPECTION_READ,
    Permission.DASHBOARD_READ,
  ],
  [Role.INSPECTOR]: [
    Permission.PUBLIC,
    Permission.SIGNED_IN,
    ...READ_JURISDICTION,
    Permission.USER_READ,
    Permission.AUDIT_READ,
    Permission.INSPECTION_RECORD,
    Permission.EXPORT_CREATE,
  ],
  [Role.VIEWER]: [Permission.PUBLIC, Permission.SIGNED_IN, ...READ_JURISDICTION],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (Object.values(Permission) as string[]).includes(value);
}
