import type { Gazetteer, GazetteerEntry } from '@dondoc/ingestion';

import type { Organization } from './organization.entity.js';

/**
 * The document reader's gazetteer built from the organization table, so the bodies that
 * exist here (with their current names and aliases) are the ones recognised. Collective
 * phrases, topic rules and implementers come from the base gazetteer, kept where the keys
 * they name exist.
 */
export function gazetteerFromOrganizations(
  organizations: readonly Organization[],
  base: Gazetteer,
): Gazetteer {
  const keyOf = (organization: Organization) => organization.key ?? organization.id;
  const byId = new Map(organizations.map((organization) => [organization.id, organization]));
  const entries: GazetteerEntry[] = organizations
    .filter((organization) => organization.active)
    .map((organization) => {
      const parent = organization.parentId ? byId.get(organization.parentId) : undefined;
      return {
        key: keyOf(organization),
        name: organization.name,
        shortName: organization.shortName ?? organization.name,
        aliases: organization.aliases,
        kind: organization.kind,
        level: organization.level,
        parentKey: parent ? keyOf(parent) : null,
      };
    });
  const known = new Set(entries.map((entry) => entry.key));
  const keep = <T extends { keys: string[] }>(rules: T[]) =>
    rules
      .map((rule) => ({ ...rule, keys: rule.keys.filter((key) => known.has(key)) }))
      .filter((rule) => rule.keys.length > 0);
  return {
    id: `organizations:${base.id}`,
    entries,
    collectives: keep(base.collectives),
    topics: keep(base.topics),
    implementers: base.implementers.filter((implementer) => known.has(implementer.issuerKey)),
  };
}
