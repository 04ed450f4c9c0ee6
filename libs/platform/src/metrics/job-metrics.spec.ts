import { JobMetrics } from './job-metrics.js';
import { MetricsRegistry } from './metrics.registry.js';

const counts = { waiting: 2, active: 1, delayed: 0, failed: 3, completed: 7 };

function jobMetrics(redisAnswers: () => Promise<boolean>) {
  const metrics = new MetricsRegistry('test');
  const jobs = new JobMetrics(metrics, {
    queues: [{ name: 'events', getJobCounts: async () => counts }],
    redisAnswers,
  });
  return { metrics, jobs };
}

describe('JobMetrics', () => {
  it('reports the depth of each queue by state at scrape time', async () => {
    const { metrics } = jobMetrics(async () => true);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^dondoc_queue_depth\{queue="events",state="waiting",app="test"\} 2$/m);
    expect(text).toMatch(/^dondoc_queue_depth\{queue="events",state="failed",app="test"\} 3$/m);
  });

  it('leaves the depths out, rather than failing the scrape, while Redis does not answer', async () => {
    const { metrics } = jobMetrics(async () => false);
    const text = await metrics.registry.metrics();
    expect(text).not.toMatch(/^dondoc_queue_depth\{/m);
    expect(text).toMatch(/^# TYPE dondoc_jobs_completed_total counter$/m);
  });

  it('counts finished jobs by queue and name, and times them from start to finish', async () => {
    const { metrics, jobs } = jobMetrics(async () => true);
    jobs.record(
      { queueName: 'events', name: 'assignment.created', processedOn: 1_000, finishedOn: 1_250 },
      'completed',
    );
    jobs.record(
      { queueName: 'events', name: 'assignment.created', processedOn: 2_000, finishedOn: 2_100 },
      'failed',
    );
    const text = await metrics.registry.metrics();
    expect(text).toMatch(
      /^dondoc_jobs_completed_total\{queue="events",name="assignment.created",app="test"\} 1$/m,
    );
    expect(text).toMatch(
      /^dondoc_jobs_failed_total\{queue="events",name="assignment.created",app="test"\} 1$/m,
    );
    expect(text).toMatch(
      /^dondoc_job_duration_seconds_sum\{app="test",queue="events",name="assignment.created",status="completed"\} 0.25$/m,
    );
  });
});
