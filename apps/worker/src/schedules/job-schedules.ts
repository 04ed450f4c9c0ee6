import type { JobSchedulerTemplateOptions, RepeatOptions } from 'bullmq';

import {
  AUDIT_ANCHOR_PATTERN,
  type AppConfig,
  COMPACT_DASHBOARD_TALLIES_EVERY_MS,
  HEARTBEAT_EVERY_MS,
  PRUNE_SIGN_IN_RECORDS_EVERY_MS,
  QueueName,
  SystemJob,
  TIME_ZONE,
} from '@dondoc/platform';

import { FollowUpJob } from '../follow-up/follow-up-jobs.js';

/** How often pending e-mail is looked for. */
export const SEND_MAIL_EVERY_MS = 30_000;

/**
 * One job scheduler: a definition in Redis from which BullMQ makes the next job each time.
 * The scheduler id is also the name of the jobs it makes, so the processors switch on it.
 */
export interface JobSchedule {
  queue: QueueName;
  id: SystemJob | FollowUpJob;
  repeat: Pick<RepeatOptions, 'every' | 'pattern' | 'tz'>;
  /** Options of every job made: how many finished ones stay visible on the queue board. */
  opts: JobSchedulerTemplateOptions;
}

/**
 * Every periodic job of the product, in one place: the worker registers them at start, after
 * Redis comes back and on a slow timer (ScheduleKeeper), so a Redis that restarted empty has
 * them again. A periodic job added to a processor belongs here too (job-schedules.spec.ts).
 */
export function jobSchedules(config: Pick<AppConfig, 'followUpEveryMinutes'>): JobSchedule[] {
  const followUp = { removeOnComplete: 50, removeOnFail: 200 };
  const system = { removeOnComplete: 10, removeOnFail: 50 };
  return [
    {
      queue: QueueName.FollowUp,
      id: FollowUpJob.Sweep,
      repeat: { every: config.followUpEveryMinutes * 60_000 },
      opts: followUp,
    },
    {
      queue: QueueName.FollowUp,
      id: FollowUpJob.SendMail,
      repeat: { every: SEND_MAIL_EVERY_MS },
      opts: followUp,
    },
    { queue: QueueName.System, id: SystemJob.Heartbeat, repeat: { every: HEARTBEAT_EVERY_MS }, opts: system },
    {
      queue: QueueName.System,
      id: SystemJob.PruneSignInRecords,
      repeat: { every: PRUNE_SIGN_IN_RECORDS_EVERY_MS },
      opts: system,
    },
    {
      queue: QueueName.System,
      id: SystemJob.CompactDashboardTallies,
      repeat: { every: COMPACT_DASHBOARD_TALLIES_EVERY_MS },
      opts: system,
    },
    {
      queue: QueueName.System,
      id: SystemJob.AuditAnchor,
      repeat: { pattern: AUDIT_ANCHOR_PATTERN, tz: TIME_ZONE },
      opts: { removeOnComplete: 30, removeOnFail: 100 },
    },
  ];
}
