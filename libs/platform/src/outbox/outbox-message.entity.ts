import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job that a domain change causes, written in the change's own transaction. The worker
 * relays unrelayed rows to BullMQ; if Redis is down the rows simply wait.
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

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;
}
