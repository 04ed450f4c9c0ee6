import { describe, expect, it } from 'vitest';
import { ACCESS_RULES, createCanAccess, PERMISSION, toRolePermissions } from './permissions';

describe('the console permissions', () => {
  it('name only permissions the server knows', () => {
    const serverNames = new Set<string>(Object.values(PERMISSION));
    const unknown = Object.values(ACCESS_RULES)
      .flatMap((actions) => Object.values(actions))
      .filter((permission) => !serverNames.has(permission));
    expect(unknown).toEqual([]);
  });

  it("read the server's map: an inspector may record a finding, an officer may not", () => {
    const map = toRolePermissions([
      { role: 'INSPECTOR', permissions: ['assignment:read', 'inspection:record'] },
      { role: 'ORG_OFFICER', permissions: ['assignment:read', 'report:submit'] },
      { role: 'NOT_A_ROLE', permissions: ['inspection:record'] },
    ]);
    const canAccess = createCanAccess(map);
    expect(canAccess(['INSPECTOR'], { resource: 'Assignment', action: 'record_inspection' })).toBe(true);
    expect(canAccess(['ORG_OFFICER'], { resource: 'Assignment', action: 'record_inspection' })).toBe(false);
    expect(canAccess(['NOT_A_ROLE'], { resource: 'Assignment', action: 'record_inspection' })).toBe(false);
    expect(canAccess(['ORG_OFFICER', 'INSPECTOR'], { resource: 'Assignment', action: 'submit_report' })).toBe(
      true,
    );
  });
});
