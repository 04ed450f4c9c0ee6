/** Who someone is in the follow-up work (API.md "Identity"). */
export enum Role {
  /** Runs the system: users, organizations, everything. */
  ADMIN = 'ADMIN',
  /** The Standing Committee and its office: assign, review, decide, watch. */
  SUPERVISOR = 'SUPERVISOR',
  /** Staff of an assignee body: report on their own body's work. */
  ORG_OFFICER = 'ORG_OFFICER',
  /** The Inspection Commission: read everything in the jurisdiction, record findings. */
  INSPECTOR = 'INSPECTOR',
  /** Reads the jurisdiction's figures, changes nothing. */
  VIEWER = 'VIEWER',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);
