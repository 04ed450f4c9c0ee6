/**
 * Every BullMQ queue of the product. Adding a queue means adding it here, so the worker,
 * the queue board and the metrics all see it.
 */
export enum QueueName {
  /** Housekeeping of the job system itself: the worker's heartbeat. */
  System = 'system',
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
