import { AssignmentStatus } from './assignment-status.js';
import { timelinessColumnsOf, timelinessSql } from './timeliness.sql.js';
import {
  Timeliness,
  type TimelinessFacts,
  type TimelinessOptions,
  daysOverdue,
  timelinessOf,
} from './timeliness.js';

const { NOT_STARTED, IN_PROGRESS, COMPLETION_REQUESTED, COMPLETED, CANCELLED } = AssignmentStatus;
const TODAY = '2026-12-30';

/** An assignment due on 10 January 2027, nothing else known: override what a case needs. */
function facts(overrides: Partial<TimelinessFacts>): TimelinessFacts {
  return {
    status: IN_PROGRESS,
    dueDate: '2027-01-10',
    baselineDueDate: '2027-01-10',
    completedOn: null,
    completionRequestedOn: null,
    nextReportDue: null,
    ...overrides,
  };
}

const examples: [string, Partial<TimelinessFacts>, Partial<TimelinessOptions>, Timeliness][] = [
  // Cancelled wins over every date.
  [
    'cancelled work, long past its due date',
    { status: CANCELLED, dueDate: '2020-01-01' },
    {},
    Timeliness.CANCELLED,
  ],
  // Completed: on or before the due day counts as on time.
  [
    'work completed on its due day',
    { status: COMPLETED, dueDate: '2026-12-01', completedOn: '2026-12-01' },
    {},
    Timeliness.COMPLETED_ON_TIME,
  ],
  [
    'work completed the day after its due day',
    { status: COMPLETED, dueDate: '2026-12-01', completedOn: '2026-12-02' },
    {},
    Timeliness.COMPLETED_LATE,
  ],
  [
    'completed continuous work',
    { status: COMPLETED, dueDate: null, completedOn: '2026-12-02' },
    {},
    Timeliness.COMPLETED_ON_TIME,
  ],
  [
    'completed work without a completion day, due later',
    { status: COMPLETED, dueDate: '2026-12-30', completedOn: null },
    {},
    Timeliness.COMPLETED_ON_TIME,
  ],
  [
    'completed work without a completion day, due before today',
    { status: COMPLETED, dueDate: '2026-12-29', completedOn: null },
    {},
    Timeliness.COMPLETED_LATE,
  ],
  // An extension moves the due date, not the baseline: on time one way, late the other.
  [
    'work completed within its extension, against the current due date',
    { status: COMPLETED, baselineDueDate: '2026-11-30', dueDate: '2026-12-31', completedOn: '2026-12-15' },
    {},
    Timeliness.COMPLETED_ON_TIME,
  ],
  [
    'work completed within its extension, against the baseline',
    { status: COMPLETED, baselineDueDate: '2026-11-30', dueDate: '2026-12-31', completedOn: '2026-12-15' },
    { against: 'baseline' },
    Timeliness.COMPLETED_LATE,
  ],
  [
    'extended open work, against the current due date',
    { baselineDueDate: '2026-11-30', dueDate: '2027-03-31' },
    {},
    Timeliness.ON_TRACK,
  ],
  [
    'extended open work, against the baseline',
    { baselineDueDate: '2026-11-30', dueDate: '2027-03-31' },
    { against: 'baseline' },
    Timeliness.OVERDUE,
  ],
  // The warning window, across the year end: due 10 January, today 30 December.
  ['work due in 11 days', {}, {}, Timeliness.ON_TRACK],
  ['work due in 8 days', { dueDate: '2027-01-07' }, {}, Timeliness.ON_TRACK],
  ['work due in 7 days (the default window)', { dueDate: '2027-01-06' }, {}, Timeliness.DUE_SOON],
  ['work due today', { dueDate: TODAY }, {}, Timeliness.DUE_SOON],
  ['work due yesterday', { dueDate: '2026-12-29' }, {}, Timeliness.OVERDUE],
  ['work not started, due yesterday', { status: NOT_STARTED, dueDate: '2026-12-29' }, {}, Timeliness.OVERDUE],
  ['work due in 11 days with a 14-day window', {}, { warningDays: 14 }, Timeliness.DUE_SOON],
  ['work due today with no window', { dueDate: TODAY }, { warningDays: 0 }, Timeliness.DUE_SOON],
  ['work due tomorrow with no window', { dueDate: '2026-12-31' }, { warningDays: 0 }, Timeliness.ON_TRACK],
  // Waiting for the assigner's confirmation.
  [
    'completion requested on the due day, still unconfirmed',
    { status: COMPLETION_REQUESTED, dueDate: '2026-12-01', completionRequestedOn: '2026-12-01' },
    {},
    Timeliness.ON_TRACK,
  ],
  [
    'completion requested after the due day',
    { status: COMPLETION_REQUESTED, dueDate: '2026-12-01', completionRequestedOn: '2026-12-02' },
    {},
    Timeliness.OVERDUE,
  ],
  [
    'completion requested with no day recorded',
    { status: COMPLETION_REQUESTED, dueDate: '2026-12-01' },
    {},
    Timeliness.OVERDUE,
  ],
  [
    'completion requested in time against the extension, late against the baseline',
    {
      status: COMPLETION_REQUESTED,
      baselineDueDate: '2026-12-01',
      dueDate: '2026-12-20',
      completionRequestedOn: '2026-12-10',
    },
    { against: 'baseline' },
    Timeliness.OVERDUE,
  ],
  [
    'a refused completion leaves its old request day behind',
    { status: IN_PROGRESS, dueDate: '2026-12-01', completionRequestedOn: '2026-11-20' },
    {},
    Timeliness.OVERDUE,
  ],
  // Continuous work is late only through its reports.
  [
    'continuous work whose report was due yesterday',
    { dueDate: null, baselineDueDate: null, nextReportDue: '2026-12-29' },
    {},
    Timeliness.OVERDUE,
  ],
  [
    'continuous work whose report is due today',
    { dueDate: null, baselineDueDate: null, nextReportDue: TODAY },
    {},
    Timeliness.ON_TRACK,
  ],
  [
    'continuous work with no report asked for',
    { dueDate: null, baselineDueDate: null },
    {},
    Timeliness.ON_TRACK,
  ],
  [
    'continuous work waiting for completion with a late report',
    {
      status: COMPLETION_REQUESTED,
      dueDate: null,
      baselineDueDate: null,
      completionRequestedOn: '2026-12-01',
      nextReportDue: '2026-12-20',
    },
    {},
    Timeliness.OVERDUE,
  ],
];

describe('timeliness of one assignment', () => {
  it.each(examples)('%s is %s', (_name, overrides, options, expected) => {
    expect(timelinessOf(facts(overrides), { today: TODAY, ...options })).toBe(expected);
  });

  it('counts whole days past the due date, across the year end', () => {
    expect(daysOverdue(facts({ dueDate: '2026-12-27' }), { today: '2027-01-02' })).toBe(6);
    expect(daysOverdue(facts({ dueDate: '2026-12-29' }), { today: TODAY })).toBe(1);
  });

  it('counts days past the late report for continuous work', () => {
    expect(daysOverdue(facts({ dueDate: null, nextReportDue: '2026-12-20' }), { today: TODAY })).toBe(10);
  });

  it('counts against the baseline when asked', () => {
    const extended = facts({ baselineDueDate: '2026-11-30', dueDate: '2027-03-31' });
    expect(daysOverdue(extended, { today: TODAY })).toBe(0);
    expect(daysOverdue(extended, { today: TODAY, against: 'baseline' })).toBe(30);
  });

  it('counts no days for work that is not overdue', () => {
    expect(daysOverdue(facts({ dueDate: TODAY }), { today: TODAY })).toBe(0);
    expect(
      daysOverdue(facts({ status: COMPLETED, dueDate: '2026-01-01', completedOn: '2026-06-01' }), {
        today: TODAY,
      }),
    ).toBe(0);
    expect(daysOverdue(facts({ status: CANCELLED, dueDate: '2026-01-01' }), { today: TODAY })).toBe(0);
  });

  it('refuses a today or a warning window that makes no sense', () => {
    expect(() => timelinessOf(facts({}), { today: '2026-02-30' })).toThrow(/not a calendar day/);
    expect(() => timelinessOf(facts({}), { today: TODAY, warningDays: -1 })).toThrow(/warningDays/);
    expect(() => timelinessOf(facts({}), { today: TODAY, warningDays: 1.5 })).toThrow(/warningDays/);
  });
});

describe('timeliness as SQL text', () => {
  const columns = timelinessColumnsOf('a');

  it('reads the baseline column only when counting against the baseline', () => {
    const current = timelinessSql(columns, {
      today: ':today',
      warningDays: ':warningDays',
      against: 'current',
    });
    const baseline = timelinessSql(columns, {
      today: ':today',
      warningDays: ':warningDays',
      against: 'baseline',
    });
    expect(current).toContain('a.due_date');
    expect(current).not.toContain('a.baseline_due_date');
    expect(baseline).toContain('a.baseline_due_date');
    expect(baseline).not.toMatch(/a\.due_date/);
  });

  it('is one plain CASE over the row, with the parameters cast where they are used', () => {
    const sql = timelinessSql(columns, { today: '$1', warningDays: '$2', against: 'current' });
    expect(sql).toMatch(/^CASE\n[\s\S]*\nEND$/);
    expect(sql).not.toMatch(/\bSELECT\b|CURRENT_DATE|now\(\)/i);
    expect(sql).toContain('CAST($1 AS date)');
    expect(sql).toContain('CAST($2 AS integer)');
    // Every outcome the TypeScript rule can give is one the SQL can give.
    for (const timeliness of Object.values(Timeliness)) expect(sql).toContain(`'${timeliness}'`);
  });

  it('keeps its meaning when folded onto one line', () => {
    const sql = timelinessSql(columns, { today: ':today', warningDays: ':warningDays', against: 'current' });
    expect(sql).not.toContain('--');
  });
});
