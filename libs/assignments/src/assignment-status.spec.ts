import { DomainErrorCode } from '@dondoc/platform';

import {
  AssignmentEvent,
  AssignmentStatus,
  AssignmentTransitionError,
  isOpen,
  nextStatus,
} from './assignment-status.js';

const { NOT_STARTED, IN_PROGRESS, COMPLETION_REQUESTED, COMPLETED, CANCELLED } = AssignmentStatus;
const E = AssignmentEvent;
const REFUSED = 'refused' as const;

/**
 * The whole machine written out by hand, one row per status and one column per event, as
 * DOMAIN.md and issue 5 describe it. Kept apart from the implementation on purpose: the
 * tests below are generated from this table, never from the code they check.
 */
const EXPECTED: Record<AssignmentStatus, Record<AssignmentEvent, AssignmentStatus | typeof REFUSED>> = {
  [NOT_STARTED]: {
    [E.REPORT_SUBMITTED]: IN_PROGRESS,
    [E.COMPLETION_REQUESTED]: COMPLETION_REQUESTED,
    [E.COMPLETION_ACCEPTED]: REFUSED,
    [E.COMPLETION_REFUSED]: REFUSED,
    [E.CANCELLED]: CANCELLED,
  },
  [IN_PROGRESS]: {
    [E.REPORT_SUBMITTED]: IN_PROGRESS,
    [E.COMPLETION_REQUESTED]: COMPLETION_REQUESTED,
    [E.COMPLETION_ACCEPTED]: REFUSED,
    [E.COMPLETION_REFUSED]: REFUSED,
    [E.CANCELLED]: CANCELLED,
  },
  [COMPLETION_REQUESTED]: {
    [E.REPORT_SUBMITTED]: COMPLETION_REQUESTED,
    [E.COMPLETION_REQUESTED]: REFUSED,
    [E.COMPLETION_ACCEPTED]: COMPLETED,
    [E.COMPLETION_REFUSED]: IN_PROGRESS,
    [E.CANCELLED]: CANCELLED,
  },
  [COMPLETED]: {
    [E.REPORT_SUBMITTED]: REFUSED,
    [E.COMPLETION_REQUESTED]: REFUSED,
    [E.COMPLETION_ACCEPTED]: REFUSED,
    [E.COMPLETION_REFUSED]: REFUSED,
    [E.CANCELLED]: REFUSED,
  },
  [CANCELLED]: {
    [E.REPORT_SUBMITTED]: REFUSED,
    [E.COMPLETION_REQUESTED]: REFUSED,
    [E.COMPLETION_ACCEPTED]: REFUSED,
    [E.COMPLETION_REFUSED]: REFUSED,
    [E.CANCELLED]: REFUSED,
  },
};

const pairs = Object.values(AssignmentStatus).flatMap((status) =>
  Object.values(AssignmentEvent).map((event) => ({ status, event, expected: EXPECTED[status][event] })),
);

describe('the assignment status machine', () => {
  it('has an expectation for every status and event (5 × 5)', () => {
    expect(pairs).toHaveLength(25);
  });

  describe.each(pairs.filter((pair) => pair.expected !== REFUSED))(
    'an assignment that is $status',
    ({ status, event, expected }) => {
      it(`takes ${event} and becomes ${expected}`, () => {
        expect(nextStatus(status, event)).toBe(expected);
      });
    },
  );

  describe.each(pairs.filter((pair) => pair.expected === REFUSED))(
    'an assignment that is $status',
    ({ status, event }) => {
      it(`refuses ${event}, naming both`, () => {
        let thrown: unknown;
        try {
          nextStatus(status, event);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(AssignmentTransitionError);
        const refusal = thrown as AssignmentTransitionError;
        expect(refusal).toMatchObject({ status, event, code: DomainErrorCode.CONFLICT });
        expect(refusal.message).toBe(`An assignment that is ${status} cannot take ${event}`);
        expect(refusal.messageIn('vi')).toMatch(/^Không thể .+ cho nhiệm vụ ở trạng thái ".+"$/);
      });
    },
  );

  it('counts only completed and cancelled work as closed', () => {
    expect(Object.values(AssignmentStatus).filter((status) => !isOpen(status))).toEqual([
      COMPLETED,
      CANCELLED,
    ]);
  });
});
