import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { AuditTrail, type AuditEntry, SYSTEM_ACTOR } from '@dondoc/audit';
import type { GazetteerEntry } from '@dondoc/ingestion';

import { OrganizationKind, OrganizationLevel } from './organization-kind.js';
import { Organization, pathLabel } from './organization.entity.js';
import { auditView } from './organizations.service.js';

export interface SeedSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Loads bodies from a gazetteer (the same data the document reader uses to recognise
 * them) into the organization table. Keyed by `key`: running it again changes nothing,
 * and a renamed or re-aliased body is updated in place, keeping its id and its work.
 */
@Injectable()
export class OrganizationSeeder {
  private readonly logger = new Logger(OrganizationSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  seed(entries: readonly GazetteerEntry[]): Promise<SeedSummary> {
    return this.dataSource.transaction((manager) => this.seedWith(manager, entries));
  }

  async seedWith(manager: EntityManager, entries: readonly GazetteerEntry[]): Promise<SeedSummary> {
    const repository = manager.getRepository(Organization);
    const existing = new Map(
      (await repository.find({ where: entries.map((entry) => ({ key: entry.key })) })).map((o) => [o.key, o]),
    );
    const summary: SeedSummary = { created: 0, updated: 0, unchanged: 0 };
    const events: AuditEntry[] = [];
    for (const entry of parentsFirst(entries)) {
      const parent = entry.parentKey ? existing.get(entry.parentKey) : undefined;
      if (entry.parentKey && !parent) {
        throw new Error(`Seed entry ${entry.key} names an unknown parent ${entry.parentKey}`);
      }
      const found = existing.get(entry.key);
      const wanted = {
        name: entry.name,
        shortName: entry.shortName || null,
        kind: entry.kind as OrganizationKind,
        level: entry.level as OrganizationLevel,
        aliases: [...entry.aliases],
      };
      if (found) {
        // A dissolved body is history (merged or split, its old names now the successor's
        // aliases): seeding the old gazetteer again leaves it as it was.
        if (found.dissolvedOn !== null || sameAs(found, wanted)) {
          summary.unchanged++;
        } else {
          const before = auditView(found);
          Object.assign(found, wanted);
          await repository.save(found);
          events.push({
            ...SYSTEM_ACTOR,
            action: 'organization.seeded',
            entityType: 'organization',
            entityId: found.id,
            before,
            after: auditView(found),
            subjectOrganizationIds: [found.id],
          });
          summary.updated++;
        }
        continue;
      }
      const [{ id }] = (await manager.query('SELECT gen_random_uuid() AS id')) as [{ id: string }];
      const created = await repository.save(
        repository.create({
          id,
          key: entry.key,
          ...wanted,
          parentId: parent?.id ?? null,
          path: parent ? `${parent.path}.${pathLabel(id)}` : pathLabel(id),
          active: true,
        }),
      );
      existing.set(entry.key, created);
      events.push({
        ...SYSTEM_ACTOR,
        action: 'organization.seeded',
        entityType: 'organization',
        entityId: created.id,
        after: auditView(created),
        subjectOrganizationIds: [created.id],
      });
      summary.created++;
    }
    await this.audit.recordMany(manager, events);
    this.logger.log(
      `Organizations seeded: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged`,
    );
    return summary;
  }
}

function sameAs(
  organization: Organization,
  wanted: Pick<Organization, 'name' | 'shortName' | 'kind' | 'level' | 'aliases'>,
): boolean {
  return (
    organization.name === wanted.name &&
    organization.shortName === wanted.shortName &&
    organization.kind === wanted.kind &&
    organization.level === wanted.level &&
    organization.aliases.join('\u0000') === wanted.aliases.join('\u0000')
  );
}

/** Orders entries so that every parent comes before its children. */
export function parentsFirst(entries: readonly GazetteerEntry[]): GazetteerEntry[] {
  const byKey = new Map(entries.map((entry) => [entry.key, entry]));
  const ordered: GazetteerEntry[] = [];
  const placed = new Set<string>();
  const place = (entry: GazetteerEntry, trail: Set<string>) => {
    if (placed.has(entry.key)) return;
    if (trail.has(entry.key)) throw new Error(`The seed entries form a cycle at ${entry.key}`);
    trail.add(entry.key);
    const parent = entry.parentKey ? byKey.get(entry.parentKey) : undefined;
    if (parent) place(parent, trail);
    placed.add(entry.key);
    ordered.push(entry);
  };
  for (const entry of entries) place(entry, new Set());
  return ordered;
}
