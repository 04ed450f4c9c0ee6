import DataLoader from 'dataloader';

import type { Caller } from '@dondoc/identity';
import type { Organization, OrganizationsService } from '@dondoc/organizations';

/**
 * Per-request batch loaders: a page of 25 rows that each show their organization costs
 * one query, not 25. Built lazily for the caller, so they only ever load what the caller
 * may see.
 */
export class Loaders {
  readonly organization: DataLoader<string, Organization | null>;

  constructor(caller: Caller | null, organizations: OrganizationsService) {
    const scope = caller?.scope ?? { kind: 'subtrees' as const, paths: [] };
    this.organization = new DataLoader(async (ids) => {
      const found = new Map((await organizations.findByIds(scope, ids)).map((o) => [o.id, o]));
      return ids.map((id) => found.get(id) ?? null);
    });
  }
}

/** Hands each request its own loaders, created on first use after the caller is known. */
export function loadersOf(
  req: { caller?: Caller; loaders?: Loaders },
  organizations: OrganizationsService,
): Loaders {
  req.loaders ??= new Loaders(req.caller ?? null, organizations);
  return req.loaders;
}
