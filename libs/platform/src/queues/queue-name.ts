/**
 * Every BullMQ queue of the product. Adding a queue means adding it here, so the worker,
 * the queue board and the metrics all see it.
 */
export enum QueueName {
  /** Housekeeping of the job system itself: the worker's heartbeat. */
  System = 'system',
  /** Domain events relayed from the outbox table: who must hear about a change. */
  Events = 'events',
  /** The follow-up sweeps: timeliness transitions, reminders, escalation; and e-mail. */
  FollowUp = 'follow-up',
  /** Files people asked for (report, tracking table, CSV): slow jobs kept off the events queue. */
  Exports = 'exports',
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
