import type { Organization } from '@dondoc/organizations';

/**
 * A one-task conclusion that every body reports on quarterly: the smallest published work
 * that makes outbox rows, for the tests of what happens to them when Redis fails.
 */
export function quarterlyReportConclusion(number: number, day: number): string {
  return `TỈNH ỦY KON TUM
*
Số ${number}-KL/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Kon Tum, ngày ${day} tháng 11 năm 2026
KẾT LUẬN
về báo cáo công tác dân vận

Ban Thường vụ Tỉnh ủy yêu cầu:
1. Các cơ quan, đơn vị báo cáo kết quả công tác dân vận hằng quý.
`;
}

type Call = <T>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ body: { data?: T; errors?: unknown } }>;

/** Imports `text`, publishes it without assignees, then gives its first task to `bodies`. */
export async function publishToBodies(
  call: Call,
  text: string,
  bodies: Organization[],
): Promise<{ id: string }[]> {
  const imported = await call<{ importDocument: { id: string; tasks: { id: string }[] } }>(
    'mutation ($i: DocumentInput!) { importDocument(input: $i) { id tasks { id } } }',
    { i: { text } },
  );
  const { id: documentId, tasks } = imported.body.data!.importDocument;
  for (const task of tasks)
    await call('mutation ($t: ID!) { setTaskAssignees(taskId: $t, assignees: []) { id } }', { t: task.id });
  await call('mutation ($id: ID!) { publishDocument(id: $id) { id } }', { id: documentId });
  const assigned = await call<{ assignTask: { id: string }[] }>(
    'mutation ($i: AssignTaskInput!) { assignTask(input: $i) { id } }',
    {
      i: {
        taskId: tasks[0]!.id,
        organizationIds: bodies.map((o) => o.id),
        role: 'COORDINATE',
        dueDate: '2027-06-30',
        cadence: 'QUARTERLY',
      },
    },
  );
  if (assigned.body.errors) throw new Error(`assignTask: ${JSON.stringify(assigned.body.errors)}`);
  return assigned.body.data!.assignTask;
}
