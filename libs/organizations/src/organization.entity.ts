import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

// The table also has `search_text`, a generated column (name, short name and aliases folded
// without diacritics) used only by hand-written search conditions; see the migration.

import { OrganizationKind, OrganizationLevel } from './organization-kind.js';

/**
 * A body that receives or gives work. The tree is kept twice on purpose: `parentId` for
 * plain reads, and `path` (ltree of ids) so "this body and everything under it" is one
 * indexed condition (`path <@ :root`).
 */
@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable key of seeded bodies (`kt.tu.bdv`), so seeding twice changes nothing. */
  @Column({ type: 'text', nullable: true })
  key: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  shortName: string | null;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  @Column({ type: 'text' })
  level: OrganizationLevel;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'ltree' })
  path: string;

  /** Other names the body goes by in documents ("MTTQ tỉnh", "Hội LHPN tỉnh"). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The day the body ceased, merged into or split into others (it is then inactive). */
  @Column({ type: 'date', nullable: true })
  dissolvedOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** The ltree label of an organization: its id without dashes. */
export function pathLabel(id: string): string {
  return id.replace(/-/g, '');
}
