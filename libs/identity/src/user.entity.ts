import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import { Role } from './role.js';

export type Locale = 'vi' | 'en';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower case; unique. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'text', default: 'vi' })
  locale: Locale;

  /** argon2id; never leaves the identity lib. */
  @Column({ type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * Moves on whenever the person's sessions must end (password, deactivation, roles, body):
   * an access token issued under another version is refused.
   */
  @Column({ type: 'integer', default: 0 })
  sessionVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
