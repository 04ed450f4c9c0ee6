import { AssignmentStatus, emptyCounts, Timeliness, tallyTimeliness } from '@dondoc/assignments';
import { AssignmentRole } from '@dondoc/directives';

import { onTimeRate, type ReportData, type TrackingRow } from '../report-data.js';

/** A small report in the seed's shape, for the writers' unit tests (no database). */
export function reportFixture(): ReportData {
  const row = (overrides: Partial<TrackingRow>): TrackingRow => ({
    assignmentId: overrides.assignmentId ?? 'a',
    documentNumber: '410-BC/TU',
    taskNumber: '3',
    taskText: '3. Thường xuyên tuyên truyền, vận động đoàn viên, hội viên',
    organizationId: 'pn',
    organizationName: 'Hội Liên hiệp Phụ nữ tỉnh',
    role: AssignmentRole.LEAD,
    leads: ['Hội Liên hiệp Phụ nữ tỉnh'],
    coordinators: [],
    baselineDueDate: '2027-03-31',
    dueDate: '2027-03-31',
    percentComplete: 0,
    status: AssignmentStatus.NOT_STARTED,
    timeliness: Timeliness.ON_TRACK,
    daysOverdue: 0,
    note: '',
    ...overrides,
  });
  const rows: TrackingRow[] = [
    row({
      assignmentId: 'a1',
      percentComplete: 45,
      status: AssignmentStatus.IN_PROGRESS,
      dueDate: '2027-06-30',
      note: 'Đã tổ chức 12 hội nghị, 1.250 hội viên tham gia',
    }),
    row({
      assignmentId: 'a2',
      taskNumber: '2',
      taskText: '2. Ủy ban nhân dân tỉnh chỉ đạo, phối hợp',
      role: AssignmentRole.COORDINATE,
      leads: ['Ủy ban nhân dân tỉnh'],
      coordinators: ['Hội Liên hiệp Phụ nữ tỉnh'],
      timeliness: Timeliness.OVERDUE,
      daysOverdue: 5,
    }),
    row({
      assignmentId: 'a3',
      organizationId: 'nd',
      organizationName: 'Hội Nông dân tỉnh',
      leads: ['Hội Nông dân tỉnh'],
      taskText: '=HYPERLINK("http://x","bấm")',
      status: AssignmentStatus.COMPLETED,
      percentComplete: 100,
      timeliness: Timeliness.COMPLETED_ON_TIME,
      note: '-5 % so với kế hoạch, "đạt"',
    }),
    row({
      assignmentId: 'a4',
      organizationId: 'nd',
      organizationName: 'Hội Nông dân tỉnh',
      leads: ['Hội Nông dân tỉnh'],
      status: AssignmentStatus.COMPLETED,
      percentComplete: 100,
      timeliness: Timeliness.COMPLETED_LATE,
      dueDate: null,
      baselineDueDate: null,
    }),
  ];
  const { byTimeliness, byOrganization } = tallyTimeliness(
    rows.map((r) => ({ organizationId: r.organizationId, timeliness: r.timeliness, count: 1 })),
  );
  const names = new Map(rows.map((r) => [r.organizationId, r.organizationName]));
  const periodCounts = { ...emptyCounts(), COMPLETED_ON_TIME: 2, OVERDUE: 1 };
  return {
    asOf: new Date('2027-04-05T03:00:00Z'),
    today: '2027-04-05',
    document: {
      id: 'd',
      number: '410-BC/TU',
      type: 'BÁO CÁO',
      issuer: 'TỈNH ỦY KON TUM',
      place: 'Kon Tum',
      date: '2019-05-13',
      title: 'tổng kết 10 năm thực hiện Kết luận số 62-KL/TW của Bộ Chính trị',
      signer: { onBehalfOf: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: 'A Pớt' },
      recipients: [
        { text: 'Ban Dân vận Trung ương (b/c)', purpose: 'for report' },
        { text: 'Thường trực Tỉnh ủy', purpose: null },
        { text: 'Lưu Văn phòng Tỉnh uỷ', purpose: 'filed' },
      ],
    },
    organization: null,
    issuer: { name: 'Văn phòng Tỉnh ủy', parentName: 'Tỉnh ủy Kon Tum' },
    total: rows.length,
    byTimeliness,
    byOrganization: [...byOrganization.values()].map((c) => ({ ...c, name: names.get(c.organizationId)! })),
    rows,
    overdue: [
      {
        row: rows[1]!,
        inspections: [
          {
            severity: 'HIGH',
            finding: 'Chậm triển khai kế hoạch phối hợp',
            remedy: 'Hoàn thành trước ngày 30-4-2027',
            followUpDate: '2027-04-30',
            status: 'OPEN',
          },
        ],
      },
    ],
    periods: [
      {
        period: '2027-Q1',
        organizationId: 'pn',
        organizationName: 'Hội Liên hiệp Phụ nữ tỉnh',
        counts: periodCounts,
        total: 3,
        onTimeRate: onTimeRate(periodCounts),
      },
    ],
  };
}
