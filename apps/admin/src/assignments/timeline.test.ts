import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline';

describe('the assignment timeline', () => {
  it('merges reports, reviews, extensions, inspections and audit events by date', () => {
    const timeline = buildTimeline({
      reports: [
        { id: 'r1', submittedAt: '2026-04-02T03:00:00Z', reviewedAt: '2026-04-05T03:00:00Z' },
        { id: 'r2', submittedAt: '2026-04-06T03:00:00Z', reviewedAt: null },
      ],
      extensions: [{ id: 'e1', createdAt: '2026-04-03T03:00:00Z', decidedAt: null }],
      inspections: [{ id: 'i1', createdAt: '2026-04-04T03:00:00Z', resolvedAt: '2026-04-07T03:00:00Z' }],
      auditEvents: [{ id: 'a1', occurredAt: '2026-04-01T03:00:00Z', action: 'assignment.created' }],
    });
    expect(timeline.map((entry) => entry.key)).toEqual([
      'audit:a1',
      'report_submitted:r1',
      'extension_requested:e1',
      'inspection_recorded:i1',
      'report_reviewed:r1',
      'report_submitted:r2',
      'inspection_resolved:i1',
    ]);
  });

  it('orders by instant, not by text: offsets are compared as times', () => {
    const timeline = buildTimeline({
      auditEvents: [
        { id: 'late', occurredAt: '2026-04-01T10:00:00+07:00' }, // 03:00 UTC
        { id: 'early', occurredAt: '2026-04-01T02:30:00Z' },
      ],
    });
    expect(timeline.map((entry) => (entry.subject as { id: string }).id)).toEqual(['early', 'late']);
  });

  it('is empty when nothing happened yet', () => {
    expect(buildTimeline({})).toEqual([]);
  });
});
