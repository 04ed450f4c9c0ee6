/** Which home a user lands on. */
export type Home = 'supervisor' | 'officer' | 'inspector' | 'overview';

/**
 * The first matching role wins, most powerful first: an administrator or the Standing
 * Committee's office sees the whole picture; an inspector who is also an officer sees
 * the board; an officer sees their own work; anyone else the overview.
 */
export function pickHome(roles: readonly string[] | undefined): Home {
  const has = (role: string) => roles?.includes(role) ?? false;
  if (has('ADMIN') || has('SUPERVISOR')) return 'supervisor';
  if (has('INSPECTOR')) return 'inspector';
  if (has('ORG_OFFICER')) return 'officer';
  return 'overview';
}
