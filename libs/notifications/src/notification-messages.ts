import { confidentialPlaceholder } from '@dondoc/directives';

import { NotificationKind } from './notification-kind.js';

export type NotificationLocale = 'vi' | 'en';

/**
 * What a notification says, gathered by whoever asks for it (a sweep, a domain event).
 * Optional facts that do not apply are left out or null.
 */
export interface NotificationFacts {
  taskText: string;
  /**
   * About a confidential directive (văn bản mật): whoever receives it, by e-mail too, reads a
   * placeholder with the document's number and the dates, never the task text or a comment.
   */
  confidential?: boolean | null;
  /** The body the assignment is given to. */
  organizationName: string;
  /** The directive's number, e.g. `410-BC/TU`. */
  documentNumber?: string | null;
  /** A calendar day, `YYYY-MM-DD`: the assignment's or the report's due date. */
  dueDate?: string | null;
  daysOverdue?: number | null;
  /** A reporting period: `2026-Q4`, `2026-H2`, `2026-11`, `2026`. */
  period?: string | null;
  /** The reviewer's or decider's comment, a cancellation's reason, or an inspection's remedy. */
  comment?: string | null;
  /** Days: before the due date for a reminder, past it for an escalation. */
  threshold?: number | null;
}

export interface RenderedNotification {
  subject: string;
  message: string;
}

/** Task text longer than this is cut on a word boundary in messages. */
export const TASK_TEXT_LIMIT = 160;
/** The task as the subject shows it, after the kind's title. */
const SUBJECT_TASK_LIMIT = 80;

/** Where the console shows an assignment (react-admin's hash router). */
export function assignmentLink(appUrl: string, assignmentId: string): string {
  return `${appUrl.replace(/\/+$/, '')}/admin/#/assignments/${assignmentId}/show`;
}

/** `YYYY-MM-DD` as Vietnamese and English administrative texts write it: `dd/mm/yyyy`. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

/** The text on one line, cut on a word boundary to at most `limit` characters with "…". */
export function shortenText(text: string, limit = TASK_TEXT_LIMIT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  // A single very long word is cut where it must be rather than left whole.
  const head = space >= limit / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.–-]+$/, '')}…`;
}

/** A reporting period in words: `2026-Q4` → "quý IV/2026" or "Q4 2026". */
export function formatPeriod(period: string, locale: NotificationLocale): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    return locale === 'vi'
      ? `quý ${['I', 'II', 'III', 'IV'][Number(quarter[2]) - 1]}/${quarter[1]}`
      : `Q${quarter[2]} ${quarter[1]}`;
  }
  const half = /^(\d{4})-H([12])$/.exec(period);
  if (half) {
    return locale === 'vi'
      ? `${half[2] === '1' ? '6 tháng đầu năm' : '6 tháng cuối năm'} ${half[1]}`
      : `${half[2] === '1' ? 'first' : 'second'} half of ${half[1]}`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return locale === 'vi' ? `tháng ${month[2]}/${month[1]}` : `${month[2]}/${month[1]}`;
  if (/^\d{4}$/.test(period)) return locale === 'vi' ? `năm ${period}` : period;
  return period;
}

/** The facts as each language phrases them, computed once per message. */
interface Phrases {
  org: string;
  due: string | null;
  days: number | null;
  threshold: number | null;
  period: string | null;
}

interface Template {
  title: (p: Phrases) => string;
  lead: (p: Phrases) => string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const VI: Record<NotificationKind, Template> = {
  [NotificationKind.ASSIGNMENT_CREATED]: {
    title: () => 'Giao nhiệm vụ mới',
    lead: (p) =>
      `${p.org} được giao thực hiện nhiệm vụ dưới đây` +
      `${p.due ? `, thời hạn hoàn thành ngày ${p.due}` : ''}. Đề nghị tổ chức triển khai thực hiện.`,
  },
  [NotificationKind.DUE_SOON]: {
    title: () => 'Đôn đốc: nhiệm vụ sắp đến hạn',
    lead: (p) =>
      `Nhiệm vụ giao ${p.org} sắp đến hạn${p.due ? ` (ngày ${p.due})` : ''}. ` +
      'Đề nghị khẩn trương hoàn thành và báo cáo kết quả đúng hạn.',
  },
  [NotificationKind.OVERDUE]: {
    title: () => 'Nhiệm vụ quá hạn',
    lead: (p) =>
      `Nhiệm vụ giao ${p.org} đã quá hạn` +
      `${p.days ? ` ${p.days} ngày` : ''}${p.due ? ` (hạn ngày ${p.due})` : ''}. ` +
      'Đề nghị khẩn trương hoàn thành, báo cáo kết quả hoặc đề nghị gia hạn.',
  },
  [NotificationKind.ESCALATED]: {
    title: () => 'Nhiệm vụ quá hạn kéo dài',
    lead: (p) =>
      `Nhiệm vụ giao ${p.org} đã quá hạn${p.days ? ` ${p.days} ngày` : ''}` +
      `${p.threshold ? `, vượt mức ${p.threshold} ngày` : ''}${p.due ? ` (hạn ngày ${p.due})` : ''}. ` +
      'Đề nghị lãnh đạo chỉ đạo, đôn đốc thực hiện.',
  },
  [NotificationKind.DUE_REMINDER]: {
    title: () => 'Đôn đốc: nhắc hạn thực hiện nhiệm vụ',
    lead: (p) =>
      `Nhiệm vụ giao ${p.org}` +
      `${p.threshold ? ` còn ${p.threshold} ngày nữa là đến hạn` : ' sắp đến hạn'}` +
      `${p.due ? ` (ngày ${p.due})` : ''}. Đề nghị bảo đảm tiến độ và báo cáo kết quả đúng hạn.`,
  },
  [NotificationKind.REPORT_REQUESTED]: {
    title: (p) => `Đề nghị báo cáo tiến độ${p.period ? ` ${p.period}` : ''}`,
    lead: (p) =>
      `Đề nghị ${p.org} báo cáo kết quả thực hiện nhiệm vụ${p.period ? ` ${p.period}` : ''}` +
      `${p.due ? ` trước ngày ${p.due}` : ''}.`,
  },
  [NotificationKind.REPORT_DUE_REMINDER]: {
    title: () => 'Đôn đốc: nhắc hạn báo cáo tiến độ',
    lead: (p) =>
      `Báo cáo tiến độ${p.period ? ` ${p.period}` : ''} của ${p.org}` +
      `${p.due ? ` đến hạn ngày ${p.due}` : ' sắp đến hạn'}. Đề nghị gửi báo cáo đúng hạn.`,
  },
  [NotificationKind.REPORT_SUBMITTED]: {
    title: () => 'Có báo cáo tiến độ mới',
    lead: (p) =>
      `${p.org} đã gửi báo cáo tiến độ${p.period ? ` ${p.period}` : ''}. Đề nghị xem xét, cho ý kiến.`,
  },
  [NotificationKind.REPORT_REVIEWED]: {
    title: () => 'Báo cáo tiến độ đã được xem xét',
    lead: (p) => `Báo cáo tiến độ${p.period ? ` ${p.period}` : ''} của ${p.org} đã được xem xét.`,
  },
  [NotificationKind.EXTENSION_REQUESTED]: {
    title: () => 'Đề nghị gia hạn nhiệm vụ',
    lead: (p) =>
      `${p.org} đề nghị gia hạn thực hiện nhiệm vụ${p.due ? ` (hạn hiện tại ngày ${p.due})` : ''}. ` +
      'Đề nghị xem xét, quyết định.',
  },
  [NotificationKind.EXTENSION_DECIDED]: {
    title: () => 'Kết quả xem xét đề nghị gia hạn',
    lead: (p) =>
      `Đề nghị gia hạn nhiệm vụ của ${p.org} đã được xem xét` +
      `${p.due ? `; thời hạn hiện tại là ngày ${p.due}` : ''}.`,
  },
  [NotificationKind.COMPLETION_REQUESTED]: {
    title: () => 'Đề nghị xác nhận hoàn thành nhiệm vụ',
    lead: (p) => `${p.org} báo cáo đã hoàn thành nhiệm vụ. Đề nghị xem xét, xác nhận.`,
  },
  [NotificationKind.COMPLETION_DECIDED]: {
    title: () => 'Kết quả xem xét hoàn thành nhiệm vụ',
    lead: (p) => `Đề nghị xác nhận hoàn thành nhiệm vụ của ${p.org} đã được xem xét.`,
  },
  [NotificationKind.ASSIGNMENT_CANCELLED]: {
    title: () => 'Hủy giao nhiệm vụ',
    lead: (p) => `Nhiệm vụ giao ${p.org} đã được hủy; không tiếp tục theo dõi, đôn đốc.`,
  },
  [NotificationKind.ASSIGNMENT_TRANSFERRED]: {
    title: () => 'Tiếp nhận nhiệm vụ do sắp xếp tổ chức bộ máy',
    lead: (p) =>
      `Do sắp xếp tổ chức bộ máy, nhiệm vụ dưới đây được chuyển giao cho ${p.org} tiếp tục thực hiện` +
      `${p.due ? `, thời hạn hoàn thành ngày ${p.due}` : ''}. Đề nghị tiếp nhận và tổ chức thực hiện.`,
  },
  [NotificationKind.INSPECTION_FOLLOW_UP]: {
    title: () => 'Đến hạn kiểm tra việc khắc phục',
    lead: (p) =>
      `Đã đến ngày theo dõi việc khắc phục sau kiểm tra đối với nhiệm vụ giao ${p.org}` +
      `${p.due ? ` (ngày ${p.due})` : ''}. Đề nghị kiểm tra kết quả khắc phục.`,
  },
  [NotificationKind.INSPECTION_RECORDED]: {
    title: () => 'Kết luận kiểm tra',
    lead: (p) =>
      `Cơ quan kiểm tra đã có kết luận kiểm tra đối với nhiệm vụ giao ${p.org}. ` +
      `Đề nghị thực hiện việc khắc phục theo yêu cầu${p.due ? ` trước ngày ${p.due}` : ''}.`,
  },
};

const EN: Record<NotificationKind, Template> = {
  [NotificationKind.ASSIGNMENT_CREATED]: {
    title: () => 'New assignment',
    lead: (p) =>
      `${p.org} has been assigned the task below${p.due ? `, due on ${p.due}` : ''}. ` +
      'Please organize its implementation.',
  },
  [NotificationKind.DUE_SOON]: {
    title: () => 'Follow-up: task due soon',
    lead: (p) =>
      `The task assigned to ${p.org} is due soon${p.due ? ` (on ${p.due})` : ''}. ` +
      'Please complete it and report the results on time.',
  },
  [NotificationKind.OVERDUE]: {
    title: () => 'Task overdue',
    lead: (p) =>
      `The task assigned to ${p.org} is overdue` +
      `${p.days ? ` by ${plural(p.days, 'day')}` : ''}${p.due ? ` (due ${p.due})` : ''}. ` +
      'Please complete it, report the results or request an extension without delay.',
  },
  [NotificationKind.ESCALATED]: {
    title: () => 'Escalation: task long overdue',
    lead: (p) =>
      `The task assigned to ${p.org} is overdue${p.days ? ` by ${plural(p.days, 'day')}` : ''}` +
      `${p.threshold ? `, past the ${p.threshold}-day threshold` : ''}${p.due ? ` (due ${p.due})` : ''}. ` +
      'Leadership direction and follow-up are requested.',
  },
  [NotificationKind.DUE_REMINDER]: {
    title: () => 'Follow-up: due date reminder',
    lead: (p) =>
      `The task assigned to ${p.org} is due` +
      `${p.threshold ? ` in ${plural(p.threshold, 'day')}` : ' soon'}${p.due ? ` (on ${p.due})` : ''}. ` +
      'Please keep to the schedule and report the results on time.',
  },
  [NotificationKind.REPORT_REQUESTED]: {
    title: (p) => `Progress report requested${p.period ? ` for ${p.period}` : ''}`,
    lead: (p) =>
      `${p.org} is asked to report progress on the task${p.period ? ` for ${p.period}` : ''}` +
      `${p.due ? ` by ${p.due}` : ''}.`,
  },
  [NotificationKind.REPORT_DUE_REMINDER]: {
    title: () => 'Follow-up: progress report due',
    lead: (p) =>
      `The progress report${p.period ? ` for ${p.period}` : ''} of ${p.org} is due` +
      `${p.due ? ` on ${p.due}` : ' soon'}. Please submit it on time.`,
  },
  [NotificationKind.REPORT_SUBMITTED]: {
    title: () => 'Progress report submitted',
    lead: (p) =>
      `${p.org} has submitted its progress report${p.period ? ` for ${p.period}` : ''}. ` +
      'Please review it.',
  },
  [NotificationKind.REPORT_REVIEWED]: {
    title: () => 'Progress report reviewed',
    lead: (p) => `The progress report${p.period ? ` for ${p.period}` : ''} of ${p.org} has been reviewed.`,
  },
  [NotificationKind.EXTENSION_REQUESTED]: {
    title: () => 'Extension requested',
    lead: (p) =>
      `${p.org} requests an extension of the task${p.due ? ` (currently due ${p.due})` : ''}. ` +
      'Please review and decide.',
  },
  [NotificationKind.EXTENSION_DECIDED]: {
    title: () => 'Extension request decided',
    lead: (p) =>
      `The extension request of ${p.org} has been decided${p.due ? `; the task is now due ${p.due}` : ''}.`,
  },
  [NotificationKind.COMPLETION_REQUESTED]: {
    title: () => 'Completion to confirm',
    lead: (p) => `${p.org} reports the task as completed. Please review and confirm.`,
  },
  [NotificationKind.COMPLETION_DECIDED]: {
    title: () => 'Completion reviewed',
    lead: (p) => `The completion reported by ${p.org} has been reviewed.`,
  },
  [NotificationKind.ASSIGNMENT_CANCELLED]: {
    title: () => 'Assignment cancelled',
    lead: (p) => `The task assigned to ${p.org} has been cancelled and is no longer followed up.`,
  },
  [NotificationKind.ASSIGNMENT_TRANSFERRED]: {
    title: () => 'Assignment handed over by a reorganization',
    lead: (p) =>
      `After a reorganization, the task below is handed over to ${p.org} to carry on` +
      `${p.due ? `, due on ${p.due}` : ''}. Please take it over.`,
  },
  [NotificationKind.INSPECTION_FOLLOW_UP]: {
    title: () => 'Inspection follow-up due',
    lead: (p) =>
      `The follow-up date of an inspection of the task assigned to ${p.org} has come` +
      `${p.due ? ` (${p.due})` : ''}. Please check the remedy.`,
  },
  [NotificationKind.INSPECTION_RECORDED]: {
    title: () => 'Inspection finding',
    lead: (p) =>
      `An inspection finding has been recorded on the task assigned to ${p.org}. ` +
      `Please carry out the required remedy${p.due ? ` by ${p.due}` : ''}.`,
  },
};

const LABELS = {
  vi: {
    task: 'Nhiệm vụ',
    organization: 'Cơ quan, đơn vị',
    document: 'Văn bản',
    due: 'Thời hạn',
    period: 'Kỳ báo cáo',
    comment: 'Ý kiến',
    reason: 'Lý do',
    remedy: 'Yêu cầu khắc phục',
    from: 'Chuyển từ',
    link: 'Xem chi tiết',
  },
  en: {
    task: 'Task',
    organization: 'Organization',
    document: 'Document',
    due: 'Due date',
    period: 'Reporting period',
    comment: 'Comment',
    reason: 'Reason',
    remedy: 'Required remedy',
    from: 'Handed over from',
    link: 'Details',
  },
} as const;

/**
 * The subject and message of one notification in one language: a lead sentence saying
 * what happened and what is expected, then the task, the body, the document, the due date,
 * the period and comment where there are some, and the link to the console.
 */
export function renderNotification(
  kind: NotificationKind,
  facts: NotificationFacts,
  options: { locale: NotificationLocale; link?: string | null },
): RenderedNotification {
  const locale = options.locale === 'en' ? 'en' : 'vi';
  const template = (locale === 'en' ? EN : VI)[kind];
  if (!template) throw new TypeError(`No message for notification kind ${JSON.stringify(kind)}`);
  const labels = LABELS[locale];
  const phrases: Phrases = {
    org: facts.organizationName.trim(),
    due: facts.dueDate ? formatDay(facts.dueDate) : null,
    days: positive(facts.daysOverdue),
    threshold: positive(facts.threshold),
    period: facts.period ? formatPeriod(facts.period, locale) : null,
  };
  const title = template.title(phrases);
  const taskText = facts.confidential
    ? confidentialPlaceholder(facts.documentNumber ?? null, locale)
    : facts.taskText;
  const comment = facts.confidential ? undefined : facts.comment?.trim();
  const lines = [
    template.lead(phrases),
    '',
    `${labels.task}: ${shortenText(taskText)}`,
    `${labels.organization}: ${phrases.org}`,
    facts.documentNumber ? `${labels.document}: ${facts.documentNumber}` : null,
    phrases.due ? `${labels.due}: ${phrases.due}` : null,
    phrases.period ? `${labels.period}: ${phrases.period}` : null,
    comment ? `${commentLabel(kind, labels)}: ${comment}` : null,
    options.link ? `${labels.link}: ${options.link}` : null,
  ];
  return {
    subject: `${title}: ${shortenText(taskText, SUBJECT_TASK_LIMIT)}`,
    message: lines.filter((line) => line !== null).join('\n'),
  };
}

/** What the comment line is called: a cancellation's reason, an inspection's remedy, a handover's previous holder. */
function commentLabel(kind: NotificationKind, labels: (typeof LABELS)[NotificationLocale]): string {
  if (kind === NotificationKind.ASSIGNMENT_CANCELLED) return labels.reason;
  if (kind === NotificationKind.INSPECTION_RECORDED || kind === NotificationKind.INSPECTION_FOLLOW_UP)
    return labels.remedy;
  if (kind === NotificationKind.ASSIGNMENT_TRANSFERRED) return labels.from;
  return labels.comment;
}

function positive(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : null;
}
