/**
 * SQL for "this body and every body it took over from" (its predecessors, through any
 * number of mergers and splits), as a subquery giving ids. `parameter` is a placeholder
 * for the body's id (`:organizationId` for query builders, `$2` for raw queries).
 *
 * This is how figures filtered by a successor include the history of the bodies it
 * replaced, while figures filtered by an old body still show only what it did.
 */
export function lineageIdsSql(parameter: string): string {
  return `(WITH RECURSIVE lineage(id) AS (
             SELECT CAST(${parameter} AS uuid)
             UNION
             SELECT succession.predecessor_id FROM organization_successions succession
               JOIN lineage ON succession.successor_id = lineage.id)
           SELECT id FROM lineage)`;
}

/** The tree paths of a body and of its predecessors, as an ltree array subquery. */
export function lineagePathsSql(parameter: string): string {
  return `ARRAY(SELECT lineage_body.path FROM organizations lineage_body
                 WHERE lineage_body.id IN ${lineageIdsSql(parameter)})`;
}
