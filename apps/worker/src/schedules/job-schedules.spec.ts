import { QueueName, SystemJob } from '@dondoc/platform';

import { FollowUpJob } from '../follow-up/follow-up-jobs.js';
import { jobSchedules } from './job-schedules.js';

describe('jobSchedules', () => {
  const schedules = jobSchedules({ followUpEveryMinutes: 15 });

  it('holds every periodic job of the system and follow-up queues once, on its own queue', () => {
    // Every job of these two queues is periodic: a new one without a schedule never runs.
    const expected = [
      ...Object.values(SystemJob).map((id) => `${QueueName.System}/${id}`),
      ...Object.values(FollowUpJob).map((id) => `${QueueName.FollowUp}/${id}`),
    ].sort();
    expect(schedules.map((schedule) => `${schedule.queue}/${schedule.id}`).sort()).toEqual(expected);
  });

  it('gives each one interval or one cron pattern, and keeps finished jobs for the queue board', () => {
    for (const { id, repeat, opts } of schedules) {
      const kinds = [repeat.every !== undefined, repeat.pattern !== undefined].filter(Boolean);
      expect([id, kinds.length]).toEqual([id, 1]);
      if (repeat.every !== undefined) expect(repeat.every).toBeGreaterThanOrEqual(1_000);
      if (repeat.pattern !== undefined) expect(repeat.tz).toBe('Asia/Ho_Chi_Minh');
      expect(opts).toEqual({ removeOnComplete: expect.any(Number), removeOnFail: expect.any(Number) });
    }
  });

  it('sweeps as often as FOLLOW_UP_EVERY_MINUTES says', () => {
    const sweep = jobSchedules({ followUpEveryMinutes: 5 }).find((s) => s.id === FollowUpJob.Sweep);
    expect(sweep?.repeat).toEqual({ every: 5 * 60_000 });
  });
});
