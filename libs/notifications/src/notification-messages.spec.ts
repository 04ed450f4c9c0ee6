import { ALL_NOTIFICATION_KINDS, NotificationKind } from './notification-kind.js';
import {
  type NotificationFacts,
  assignmentLink,
  formatDay,
  formatPeriod,
  renderNotification,
  shortenText,
} from './notification-messages.js';

const LINK = assignmentLink('http://localhost:3000/', '6f1c2f7e-0a52-4b8e-9a55-1d1f0b7c2e11');

const facts: NotificationFacts = {
  taskText: 'Tăng cường công tác dân vận của cơ quan nhà nước các cấp.',
  organizationName: 'Hội Liên hiệp Phụ nữ tỉnh',
  documentNumber: '410-BC/TU',
  dueDate: '2027-03-31',
  daysOverdue: 3,
  period: '2026-Q4',
  comment: 'Cần bổ sung số liệu',
  threshold: 7,
};

describe('renderNotification', () => {
  it("says only the number of a confidential directive, in the reader's language, never its task or a comment", () => {
    const secret = { ...facts, taskText: '', confidential: true };
    for (const kind of ALL_NOTIFICATION_KINDS) {
      const vi = renderNotification(kind, secret, { locale: 'vi', link: LINK });
      expect(vi.subject).toContain('Nhiệm vụ theo văn bản mật số 410-BC/TU');
      expect(vi.message).toContain('Nhiệm vụ: Nhiệm vụ theo văn bản mật số 410-BC/TU');
      expect(vi.message).not.toContain('Cần bổ sung số liệu');
      const en = renderNotification(kind, secret, { locale: 'en', link: LINK });
      expect(en.subject).toContain('Task of confidential document no. 410-BC/TU');
    }
  });

  it('tells an officer in Vietnamese that a task is overdue, with the task, body, due date and link', () => {
    expect(renderNotification(NotificationKind.OVERDUE, facts, { locale: 'vi', link: LINK })).toEqual({
      subject: 'Nhiệm vụ quá hạn: Tăng cường công tác dân vận của cơ quan nhà nước các cấp.',
      message: [
        'Nhiệm vụ giao Hội Liên hiệp Phụ nữ tỉnh đã quá hạn 3 ngày (hạn ngày 31/03/2027). ' +
          'Đề nghị khẩn trương hoàn thành, báo cáo kết quả hoặc đề nghị gia hạn.',
        '',
        'Nhiệm vụ: Tăng cường công tác dân vận của cơ quan nhà nước các cấp.',
        'Cơ quan, đơn vị: Hội Liên hiệp Phụ nữ tỉnh',
        'Văn bản: 410-BC/TU',
        'Thời hạn: 31/03/2027',
        'Kỳ báo cáo: quý IV/2026',
        'Ý kiến: Cần bổ sung số liệu',
        'Xem chi tiết: http://localhost:3000/admin/#/assignments/6f1c2f7e-0a52-4b8e-9a55-1d1f0b7c2e11/show',
      ].join('\n'),
    });
  });

  it('reminds in English, with only the facts there are', () => {
    const { subject, message } = renderNotification(
      NotificationKind.DUE_SOON,
      { taskText: 'Strengthen mass mobilization.', organizationName: "Women's Union", dueDate: '2027-01-05' },
      { locale: 'en', link: null },
    );
    expect(subject).toBe('Follow-up: task due soon: Strengthen mass mobilization.');
    expect(message).toBe(
      [
        "The task assigned to Women's Union is due soon (on 05/01/2027). " +
          'Please complete it and report the results on time.',
        '',
        'Task: Strengthen mass mobilization.',
        "Organization: Women's Union",
        'Due date: 05/01/2027',
      ].join('\n'),
    );
  });

  it('says "Đôn đốc" in the subject of a due-soon reminder', () => {
    expect(renderNotification(NotificationKind.DUE_SOON, facts, { locale: 'vi' }).subject).toMatch(
      /^Đôn đốc: nhiệm vụ sắp đến hạn: /,
    );
  });

  describe.each(ALL_NOTIFICATION_KINDS)('%s', (kind) => {
    it.each(['vi', 'en'] as const)(
      'in %s has a subject and a message with the task, body, due date and link',
      (locale) => {
        const { subject, message } = renderNotification(kind, facts, { locale, link: LINK });
        const labels =
          locale === 'vi'
            ? { task: 'Nhiệm vụ', org: 'Cơ quan, đơn vị', due: 'Thời hạn', link: 'Xem chi tiết' }
            : { task: 'Task', org: 'Organization', due: 'Due date', link: 'Details' };
        expect(subject).toMatch(/^\S.+: Tăng cường công tác dân vận/);
        expect(subject).not.toContain('\n');
        expect(subject.length).toBeLessThan(160);
        const lines = message.split('\n');
        expect(lines[0]).toContain('Hội Liên hiệp Phụ nữ tỉnh');
        expect(lines[0]).toMatch(/[.]$/);
        expect(lines[1]).toBe('');
        expect(lines).toContain(`${labels.task}: ${facts.taskText}`);
        expect(lines).toContain(`${labels.org}: Hội Liên hiệp Phụ nữ tỉnh`);
        expect(lines).toContain(`${labels.due}: 31/03/2027`);
        expect(lines.at(-1)).toBe(`${labels.link}: ${LINK}`);
        expect(message).not.toMatch(/undefined|null|NaN|2027-03-31/);
      },
    );

    it('reads differently in each language', () => {
      const vi = renderNotification(kind, facts, { locale: 'vi' });
      const en = renderNotification(kind, facts, { locale: 'en' });
      expect(vi.subject).not.toBe(en.subject);
      expect(vi.message.split('\n')[0]).not.toBe(en.message.split('\n')[0]);
    });

    it('says something sensible without any optional fact', () => {
      for (const locale of ['vi', 'en'] as const) {
        const { message } = renderNotification(
          kind,
          { taskText: 'Nhiệm vụ thử', organizationName: 'Sở Nội vụ' },
          { locale },
        );
        expect(message).not.toMatch(/undefined|null|NaN|\( *\)| {2}| [.,;]/);
        expect(message.split('\n')).toHaveLength(4);
      }
    });
  });

  it('gives every kind its own subject', () => {
    for (const locale of ['vi', 'en'] as const) {
      const subjects = ALL_NOTIFICATION_KINDS.map(
        (kind) => renderNotification(kind, facts, { locale }).subject,
      );
      expect(new Set(subjects).size).toBe(ALL_NOTIFICATION_KINDS.length);
    }
  });

  it('names the reason of a cancellation as a reason, and a reviewer comment as a comment', () => {
    expect(
      renderNotification(NotificationKind.ASSIGNMENT_CANCELLED, facts, { locale: 'vi' }).message,
    ).toContain('Lý do: Cần bổ sung số liệu');
    expect(renderNotification(NotificationKind.REPORT_REVIEWED, facts, { locale: 'en' }).message).toContain(
      'Comment: Cần bổ sung số liệu',
    );
  });

  it('shortens a long task on a word boundary, in the message and more in the subject', () => {
    const long = `${'Đẩy mạnh công tác tuyên truyền, '.repeat(10)}kết thúc.`;
    const { subject, message } = renderNotification(
      NotificationKind.ASSIGNMENT_CREATED,
      { ...facts, taskText: long },
      { locale: 'vi' },
    );
    const task = message
      .split('\n')
      .find((line) => line.startsWith('Nhiệm vụ: '))!
      .slice('Nhiệm vụ: '.length);
    expect(task.length).toBeLessThanOrEqual(160);
    expect(task).toMatch(/^Đẩy mạnh công tác tuyên truyền, .*[^ ,]…$/);
    expect(long.startsWith(task.slice(0, -1))).toBe(true);
    expect(long[task.length - 1]).toMatch(/[ ,]/);
    expect(subject.length).toBeLessThan(130);
  });

  it('refuses a kind it has no message for', () => {
    expect(() => renderNotification('BIRTHDAY' as NotificationKind, facts, { locale: 'vi' })).toThrow(
      /No message for notification kind "BIRTHDAY"/,
    );
  });
});

describe('shortenText', () => {
  it('leaves short text alone but puts it on one line', () => {
    expect(shortenText('  Một\nhai   ba ')).toBe('Một hai ba');
  });

  it('cuts a single endless word where it must', () => {
    const cut = shortenText('x'.repeat(400), 20);
    expect(cut).toBe(`${'x'.repeat(19)}…`);
  });
});

describe('formatDay and formatPeriod', () => {
  it('writes days as dd/mm/yyyy', () => {
    expect(formatDay('2026-01-05')).toBe('05/01/2026');
  });

  it('names periods as an administrative text does', () => {
    expect(formatPeriod('2026-Q4', 'vi')).toBe('quý IV/2026');
    expect(formatPeriod('2026-H1', 'vi')).toBe('6 tháng đầu năm 2026');
    expect(formatPeriod('2026-11', 'vi')).toBe('tháng 11/2026');
    expect(formatPeriod('2026', 'vi')).toBe('năm 2026');
    expect(formatPeriod('2026-Q4', 'en')).toBe('Q4 2026');
    expect(formatPeriod('2026-H2', 'en')).toBe('second half of 2026');
  });
});
