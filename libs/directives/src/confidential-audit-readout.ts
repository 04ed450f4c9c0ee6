import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { isUuid } from '@dondoc/organizations';

import {
  assignmentHiddenSql,
  confidentialPlaceholder,
  type ContentReader,
  hiddenTasks,
  readsDocumentContent,
} from './confidential-redaction.js';

/** What of an audit event this needs: which record it is about, and its before and after. */
export interface AuditReadout {
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Keys that never carry a confidential directive's words: ids, numbers, dates, states. */
const PLAIN_KEY =
  /(^id$|Id$|Ids$|Date$|On$|At$|^number$|^status$|^role$|^cadence$|^kind$|^period$|^confidential$)/;

/**
 * The audit trail as the reader may see it. Events are append-only, so a document marked
 * confidential after its import still holds its title and task texts in old events: they
 * are hidden when read, by the same rule as every other read (`confidential-redaction.ts`).
 * An event about a confidential document, one of its tasks, or an assignment, report or
 * extension request on a task the reader may not read keeps its action, actor, time, ids,
 * numbers, dates and states; its other words read as the placeholder.
 */
@Injectable()
export class ConfidentialAuditReadout {
  constructor(private readonly dataSource: DataSource) {}

  async shown<T extends AuditReadout>(reader: ContentReader, events: T[]): Promise<T[]> {
    const hidden = await this.hiddenSubjects(reader, events);
    if (hidden.size === 0) return events;
    return events.map((event) => {
      const number = hidden.get(`${event.entityType}:${event.entityId}`);
      if (number === undefined) return event;
      const placeholder = confidentialPlaceholder(number, reader.locale);
      return {
        ...event,
        before: withheld(event.before, placeholder),
        after: withheld(event.after, placeholder),
      } as T;
    });
  }

  /** `type:id` of the subjects hidden from the reader, with their document's number. */
  private async hiddenSubjects(
    reader: ContentReader,
    events: readonly AuditReadout[],
  ): Promise<Map<string, string | null>> {
    const idsOf = (type: string) => [
      ...new Set(events.filter((e) => e.entityType === type).map((e) => e.entityId)),
    ];
    const hidden = new Map<string, string | null>();
    const documentIds = idsOf('document');
    if (documentIds.length > 0) {
      const rows = (await this.dataSource.query(
        `SELECT id, number, confidential, owner_path::text AS "ownerPath" FROM documents
          WHERE confidential AND id::text = ANY($1::text[])`,
        [documentIds],
      )) as { id: string; number: string | null; confidential: boolean; ownerPath: string }[];
      for (const row of rows)
        if (!readsDocumentContent(reader, row)) hidden.set(`document:${row.id}`, row.number);
    }
    const taskIds = idsOf('task').filter(isUuid);
    for (const [id, number] of await hiddenTasks(this.dataSource.manager, reader, taskIds)) {
      hidden.set(`task:${id}`, number);
    }
    // Records about an assignment: found through it, hidden when its task is.
    for (const [type, table, assignmentColumn] of [
      ['assignment', 'assignments', 'id'],
      ['progress_report', 'progress_reports', 'assignment_id'],
      ['extension_request', 'extension_requests', 'assignment_id'],
    ] as const) {
      const ids = idsOf(type).filter(isUuid);
      if (ids.length === 0) continue;
      const flag = assignmentHiddenSql('a.task_id', 'a.document_id', reader);
      const rows = (await this.dataSource
        .createQueryBuilder()
        .select('x.id', 'id')
        .addSelect('d.number', 'number')
        .from(table, 'x')
        .innerJoin('assignments', 'a', `a.id = x.${assignmentColumn}`)
        .innerJoin('documents', 'd', 'd.id = a.document_id')
        .where('x.id = ANY(:auditSubjectIds::uuid[])', { auditSubjectIds: ids })
        .andWhere(flag.sql, flag.parameters)
        .getRawMany()) as { id: string; number: string | null }[];
      for (const row of rows) hidden.set(`${type}:${row.id}`, row.number);
    }
    return hidden;
  }
}

/** The value with every string under a key that may carry words replaced by the placeholder. */
function withheld(value: unknown, placeholder: string, key = ''): unknown {
  if (typeof value === 'string') return PLAIN_KEY.test(key) ? value : placeholder;
  if (Array.isArray(value)) return value.map((item) => withheld(item, placeholder, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, withheld(v, placeholder, k)]),
    );
  }
  return value;
}
