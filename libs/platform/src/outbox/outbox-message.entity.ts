import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job that a domain change causes, written in the change's own transaction. The worker
 * relays unrelayed rows to BullMQ; if Redis is down the rows simply wait. A row is done when
 * its job has run (`handledAt`); one queued but never run (Redis lost it) is queued again.
 */
@Entity('outbox')
export class OutboxMessage {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  /** What happened, e.g. `assignment.created`; the worker routes on it. */
  @Column({ type: 'text' })
  topic: string;

  /** What it is about (an assignment id…): with the topic, the BullMQ job id. */
  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When the row was last queued in BullMQ. */
  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  /** When its job ran to the end; null while it waits (or was lost with Redis's data). */
  @Column({ type: 'timestamptz', nullable: true })
  handledAt: Date | null;
}
