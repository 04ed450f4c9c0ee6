import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import { type ContentReader, taskContentCondition } from '@dondoc/directives';
import { containsPattern } from '@dondoc/organizations';

/**
 * How many tasks must match before a search checks each assignment it walks instead of
 * first collecting every matching task (see `searchCondition`).
 */
export const WIDE_SEARCH_TASKS = 100;

/**
 * The `q` filter of the assignment list, for the row `alias`: its task's text (when the
 * reader may read it, `taskContentCondition`) or its organization's name contains `q`,
 * folded (no diacritics, no tone-mark placement), `%` and `_` taken literally.
 *
 * The list walks assignments in its own order (due date, id) and stops after a page, so
 * what a match costs depends on how common the words are:
 * - a common phrase ("dân vận": a sixth of all tasks) is found within a few hundred rows
 *   of the walk; collecting its thousands of tasks first (a trigram bitmap and a recheck of
 *   each) cost more than the page itself. Each walked row then looks up its own task and
 *   organization by primary key (a scalar subquery, which PostgreSQL never hashes);
 * - a rare phrase (a body's name) would make that walk look up a task for most of the
 *   million rows: there the matching tasks and organizations are collected once, from the
 *   trigram indexes, and each walked row is probed in a hash (the EXISTS below).
 * The choice is one count, at most `wide` rows, run once per statement (an InitPlan);
 * both branches select exactly the same rows. `wide` 0 (the default) never looks up row by
 * row: a count or an export reads every match, where the hashed sets are cheaper by far (a
 * nation-wide count of "dân vận": 1.2 s hashed, 10 s row by row) — see `lookUpRowsForWalkedPage`.
 */
export function searchCondition(
  alias: string,
  reader: ContentReader,
  q: string,
  wide = 0,
): { sql: string; parameters: Record<string, unknown> } {
  const readable = taskContentCondition('qt.id', 'qd', reader);
  const taskMatches = `qt.search_text LIKE :q ESCAPE '\\' AND ${readable.sql}`;
  const organizationMatches = `qo.search_text LIKE :q ESCAPE '\\'`;
  return {
    sql: `(CASE WHEN :qWide > 0 AND (SELECT count(*) FROM (SELECT 1 FROM tasks qw WHERE qw.search_text LIKE :q ESCAPE '\\'
                                             LIMIT :qWide) qw) >= :qWide
           THEN coalesce((SELECT ${taskMatches} FROM tasks qt JOIN documents qd ON qd.id = qt.document_id
                           WHERE qt.id = ${alias}.task_id), false)
             OR coalesce((SELECT ${organizationMatches} FROM organizations qo
                           WHERE qo.id = ${alias}.organization_id), false)
           ELSE EXISTS (SELECT 1 FROM tasks qt JOIN documents qd ON qd.id = qt.document_id
                         WHERE qt.id = ${alias}.task_id AND ${taskMatches})
             OR EXISTS (SELECT 1 FROM organizations qo
                         WHERE qo.id = ${alias}.organization_id AND ${organizationMatches})
          END)`,
    parameters: { ...readable.parameters, q: containsPattern(q), qWide: wide },
  };
}

/**
 * Lets a page of the list look rows up one by one (`:qWide` = WIDE_SEARCH_TASKS) when it is
 * walked in an order an index gives (due date or id first): the walk then stops after the
 * page. Every other use of the filter — a count, an export, a page sorted by a column no index
 * orders — keeps `:qWide` 0 (set by `searchCondition`) and reads every match through the
 * hashed sets, far cheaper there. Called by the one place that builds a page, after its order.
 */
export function lookUpRowsForWalkedPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  orderBy: string,
  alias: string,
): void {
  if (query.expressionMap.parameters.qWide === undefined) return;
  if ([`${alias}.due_date`, `${alias}.id`].includes(orderBy)) query.setParameter('qWide', WIDE_SEARCH_TASKS);
}

/**
 * The `q` filter split into two disjoint conditions whose counts add up to the count of
 * `searchCondition`: the assignments of a matching task the reader may read, and those of a
 * matching organization whose task is not one of them. Each is a plain `IN (…)` the planner
 * can answer from the indexes on task and on organization (the count of "dân vận" over a
 * million assignments: ~0.1 s, where the OR of two EXISTS scans every row: ~0.6 s).
 */
export function searchCountPartitions(
  alias: string,
  reader: ContentReader,
  q: string,
): { sql: string; parameters: Record<string, unknown> }[] {
  const readable = taskContentCondition('qt.id', 'qd', reader);
  const parameters = { ...readable.parameters, q: containsPattern(q) };
  const readableMatchingTasks = `SELECT qt.id FROM tasks qt JOIN documents qd ON qd.id = qt.document_id
                                  WHERE qt.search_text LIKE :q ESCAPE '\\' AND ${readable.sql}`;
  return [
    { sql: `${alias}.task_id IN (${readableMatchingTasks})`, parameters },
    {
      sql: `${alias}.organization_id IN (SELECT qo.id FROM organizations qo WHERE qo.search_text LIKE :q ESCAPE '\\')
            AND ${alias}.task_id NOT IN (${readableMatchingTasks})`,
      parameters,
    },
  ];
}
