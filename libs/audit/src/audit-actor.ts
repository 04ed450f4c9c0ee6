/** Who is acting, as every audited service method receives it. */
export interface AuditActor {
  /** Null when the system acts (seeding, a scheduled job). */
  actorId: string | null;
  actorOrganizationId: string | null;
  /** The request the change came in with, to follow it through the logs. */
  requestId: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { actorId: null, actorOrganizationId: null, requestId: null };
