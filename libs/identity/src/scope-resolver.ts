import { Injectable } from '@nestjs/common';

import { type AccessScope, OrganizationsService } from '@dondoc/organizations';

import { Role } from './role.js';

/**
 * Which bodies a person may see: an administrator all; an organization officer their
 * body and everything under it; a supervisor, inspector or viewer the whole jurisdiction
 * of their Party committee — the tree their body belongs to (the province). Each also sees
 * the bodies that the ones in their sight took over from (mergers and splits).
 */
@Injectable()
export class ScopeResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  async scopeFor(roles: readonly Role[], organizationId: string): Promise<AccessScope> {
    if (roles.includes(Role.ADMIN)) return { kind: 'all' };
    const organization = await this.organizations.findById(organizationId);
    if (!organization) return { kind: 'subtrees', paths: [] };
    const jurisdiction = roles.some(
      (role) => role === Role.SUPERVISOR || role === Role.INSPECTOR || role === Role.VIEWER,
    );
    const path = jurisdiction ? jurisdictionRoot(organization.path) : organization.path;
    // A successor's people read what the bodies it replaced did (their finished work and
    // reports), so the subtrees of those predecessors are in sight too.
    return { kind: 'subtrees', paths: [path, ...(await this.organizations.predecessorPaths([path]))] };
  }
}

/** The root of the tree an organization sits in: its province's Party committee. */
export function jurisdictionRoot(path: string): string {
  return path.split('.')[0] ?? path;
}
