import { DomainErrorCode, DomainException } from '@dondoc/platform';

/** What people did with an assignment (DOMAIN.md "Status and timeliness"). */
export enum AssignmentStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETION_REQUESTED = 'COMPLETION_REQUESTED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** What can happen to an assignment; each mutation that changes its status names one. */
export enum AssignmentEvent {
  REPORT_SUBMITTED = 'REPORT_SUBMITTED',
  COMPLETION_REQUESTED = 'COMPLETION_REQUESTED',
  COMPLETION_ACCEPTED = 'COMPLETION_ACCEPTED',
  COMPLETION_REFUSED = 'COMPLETION_REFUSED',
  CANCELLED = 'CANCELLED',
}

/** How the statuses read on screen, for messages that reach Vietnamese users. */
const STATUS_VI: Record<AssignmentStatus, string> = {
  [AssignmentStatus.NOT_STARTED]: 'Chưa thực hiện',
  [AssignmentStatus.IN_PROGRESS]: 'Đang thực hiện',
  [AssignmentStatus.COMPLETION_REQUESTED]: 'Chờ xác nhận hoàn thành',
  [AssignmentStatus.COMPLETED]: 'Đã hoàn thành',
  [AssignmentStatus.CANCELLED]: 'Đã hủy',
};

const EVENT_VI: Record<AssignmentEvent, string> = {
  [AssignmentEvent.REPORT_SUBMITTED]: 'gửi báo cáo',
  [AssignmentEvent.COMPLETION_REQUESTED]: 'đề nghị xác nhận hoàn thành',
  [AssignmentEvent.COMPLETION_ACCEPTED]: 'xác nhận hoàn thành',
  [AssignmentEvent.COMPLETION_REFUSED]: 'trả lại đề nghị hoàn thành',
  [AssignmentEvent.CANCELLED]: 'hủy',
};

/**
 * An event the assignment's current status does not allow. A CONFLICT: the request was
 * well formed but the record has moved on (usually someone else completed or cancelled it).
 */
export class AssignmentTransitionError extends DomainException {
  constructor(
    readonly status: AssignmentStatus,
    readonly event: AssignmentEvent,
  ) {
    super(
      DomainErrorCode.CONFLICT,
      {
        en: `An assignment that is ${status} cannot take ${event}`,
        vi: `Không thể ${EVENT_VI[event]} cho nhiệm vụ ở trạng thái "${STATUS_VI[status]}"`,
      },
      { status, event },
    );
    this.name = 'AssignmentTransitionError';
  }
}

/**
 * The status machine, whole. Every allowed move is listed; anything missing is refused,
 * so a new status or event is closed until someone writes down where it leads.
 */
const TRANSITIONS: Record<AssignmentStatus, Partial<Record<AssignmentEvent, AssignmentStatus>>> = {
  [AssignmentStatus.NOT_STARTED]: {
    [AssignmentEvent.REPORT_SUBMITTED]: AssignmentStatus.IN_PROGRESS,
    // An assignee may declare work done without ever having filed a period report.
    [AssignmentEvent.COMPLETION_REQUESTED]: AssignmentStatus.COMPLETION_REQUESTED,
    [AssignmentEvent.CANCELLED]: AssignmentStatus.CANCELLED,
  },
  [AssignmentStatus.IN_PROGRESS]: {
    [AssignmentEvent.REPORT_SUBMITTED]: AssignmentStatus.IN_PROGRESS,
    [AssignmentEvent.COMPLETION_REQUESTED]: AssignmentStatus.COMPLETION_REQUESTED,
    [AssignmentEvent.CANCELLED]: AssignmentStatus.CANCELLED,
  },
  [AssignmentStatus.COMPLETION_REQUESTED]: {
    // A period report may still come in while the assigner has not answered.
    [AssignmentEvent.REPORT_SUBMITTED]: AssignmentStatus.COMPLETION_REQUESTED,
    [AssignmentEvent.COMPLETION_ACCEPTED]: AssignmentStatus.COMPLETED,
    // A returned completion goes back to work (DOMAIN.md).
    [AssignmentEvent.COMPLETION_REFUSED]: AssignmentStatus.IN_PROGRESS,
    [AssignmentEvent.CANCELLED]: AssignmentStatus.CANCELLED,
  },
  // Final: a completed or cancelled assignment takes nothing more.
  [AssignmentStatus.COMPLETED]: {},
  [AssignmentStatus.CANCELLED]: {},
};

/** The status after `event`, or an `AssignmentTransitionError` when the status refuses it. */
export function nextStatus(status: AssignmentStatus, event: AssignmentEvent): AssignmentStatus {
  const next = TRANSITIONS[status]?.[event];
  if (next === undefined) throw new AssignmentTransitionError(status, event);
  return next;
}

/** Whether work is still expected: neither completed nor cancelled. */
export function isOpen(status: AssignmentStatus): boolean {
  return status !== AssignmentStatus.COMPLETED && status !== AssignmentStatus.CANCELLED;
}
