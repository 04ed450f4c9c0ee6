import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import pg from 'pg';
import { DataSource } from 'typeorm';

import { AppConfig, directDatabaseUrlOf, QueueName } from '@dondoc/platform';

const BATCH = 500;
/** Topics of the exports queue (`export.requested`). */
const EXPORT_TOPIC_PREFIX = 'export.';
const POLL_MS = 5_000;
/** How long to wait for Redis before leaving the rows for the next attempt. */
const REDIS_TIMEOUT_MS = 5_000;

interface OutboxRow {
  id: string;
  topic: string;
  subject: string;
  payload: Record<string, unknown>;
}

/**
 * Moves outbox rows (written by the API in the same transaction as each change) to BullMQ.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several workers share the work; each job
 * id is derived from the row, so a row relayed twice is one job; a row is marked relayed in
 * the same transaction that queued it, so when Redis is down nothing is marked and the rows
 * simply wait. Woken by LISTEN/NOTIFY, and by a slow poll in case a notification is missed.
 *
 * Queued is not done: Redis may restart empty (no persistence, a failover, a flush) and take
 * queued jobs with it. The job marks its row handled when it has run (`markOutboxHandled`);
 * a row queued more than OUTBOX_REDELIVER_AFTER_MS ago and still not handled is queued again
 * under the same job id, which BullMQ ignores while the job still exists, so a job that is
 * merely waiting its turn is not doubled.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private wakeAgain = false;
  private stopped = false;
  private lastRedeliveryAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Events) private readonly events: Queue,
    @InjectQueue(QueueName.Exports) private readonly exports: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.draining?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
  }

  /** Relays everything pending now; a wake-up during a run causes one more run after it. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.wakeAgain) {
        this.wakeAgain = false;
        this.wake();
      }
    });
  }

  /** Relays batches until none is left; returns how many rows were relayed. */
  async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayBatch()) === BATCH);
      if (!this.stopped && Date.now() - this.lastRedeliveryAt >= POLL_MS) {
        this.lastRedeliveryAt = Date.now();
        while (!this.stopped && (await this.redeliverBatch()) === BATCH);
      }
    } catch (error) {
      this.logger.warn(`Outbox relay paused, rows wait for the next attempt: ${(error as Error).message}`);
    }
  }

  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id, topic, subject, payload FROM outbox
          WHERE relayed_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      )) as OutboxRow[];
      if (rows.length === 0) return 0;
      await this.enqueue(rows);
      await manager.query('UPDATE outbox SET relayed_at = now() WHERE id = ANY($1::bigint[])', [
        rows.map((row) => row.id),
      ]);
      this.logger.debug(`relayed ${rows.length} outbox row(s)`);
      return rows.length;
    });
  }

  /**
   * Queues again rows whose jobs were queued long ago and never ran (Redis lost them). The
   * row's `relayed_at` moves to now, so a job still waiting in a long queue is offered again
   * only once per period, at the cost of one no-op add.
   */
  async redeliverBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id, topic, subject, payload FROM outbox
          WHERE relayed_at IS NOT NULL AND handled_at IS NULL
            AND relayed_at < now() - make_interval(secs => $1::double precision / 1000)
          ORDER BY relayed_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [this.config.outboxRedeliverAfterMs],
      )) as OutboxRow[];
      if (rows.length === 0) return 0;
      await this.enqueue(rows);
      await manager.query('UPDATE outbox SET relayed_at = now() WHERE id = ANY($1::bigint[])', [
        rows.map((row) => row.id),
      ]);
      this.logger.warn(`queued again ${rows.length} outbox row(s) whose jobs never ran (Redis lost them?)`);
      return rows.length;
    });
  }

  private enqueue(rows: OutboxRow[]): Promise<unknown> {
    return withTimeout(
      Promise.all(
        [this.events, this.exports].map((queue) => {
          const mine = rows.filter((row) => this.queueOf(row.topic) === queue);
          return mine.length === 0 ? null : queue.addBulk(mine.map(jobOf));
        }),
      ),
      REDIS_TIMEOUT_MS,
    );
  }

  /** Exports are slow: they go to a queue of their own; every other topic is an event to notify. */
  private queueOf(topic: string): Queue {
    return topic.startsWith(EXPORT_TOPIC_PREFIX) ? this.exports : this.events;
  }

  /** Directly, past any pooler: a LISTEN belongs to one server session (DATABASE_DIRECT_URL). */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: directDatabaseUrlOf(this.config) });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn(`LISTEN connection lost (${error.message}); the slow poll carries on`);
      this.listener = null;
    });
    try {
      await client.connect();
      await client.query('LISTEN outbox');
      this.listener = client;
    } catch (error) {
      this.logger.warn(
        `Cannot LISTEN for outbox rows (${(error as Error).message}); relying on the slow poll`,
      );
    }
  }
}

function jobOf(row: OutboxRow) {
  return {
    name: row.topic,
    data: { outboxId: row.id, topic: row.topic, subject: row.subject, payload: row.payload },
    opts: {
      jobId: `${row.topic}_${row.subject}_${row.id}`,
      attempts: 5,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: 10_000,
      removeOnFail: 10_000,
    },
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
