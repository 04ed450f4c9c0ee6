import { describe, expect, it } from 'vitest';
import { pickHome } from './pick-home';

describe('the home a user lands on', () => {
  it.each([
    [['SUPERVISOR'], 'supervisor'],
    [['ADMIN'], 'supervisor'],
    [['ORG_OFFICER'], 'officer'],
    [['INSPECTOR'], 'inspector'],
    [['ORG_OFFICER', 'INSPECTOR'], 'inspector'],
    [['INSPECTOR', 'SUPERVISOR'], 'supervisor'],
    [['VIEWER'], 'overview'],
    [[], 'overview'],
  ])('roles %j land on the %s home', (roles, home) => {
    expect(pickHome(roles)).toBe(home);
  });

  it('a user whose roles are not known yet lands on the overview', () => {
    expect(pickHome(undefined)).toBe('overview');
  });
});
