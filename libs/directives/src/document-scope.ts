import { type AccessScope, scopeCondition } from '@dondoc/organizations';

/**
 * Which documents a caller may see: those owned by a body in their scope, and those with
 * an assignment to a body in their scope (how an assignee sees the document it works on).
 */
export function documentScopeCondition(alias: string, scope: AccessScope) {
  if (scope.kind === 'all') return { sql: 'TRUE', parameters: {} };
  const owner = scopeCondition(`${alias}.owner_path`, scope, 'documentScopePaths');
  const assigned = scopeCondition('scoped_assignment.organization_path', scope, 'documentScopePaths');
  return {
    sql: `(${owner.sql} OR EXISTS (SELECT 1 FROM assignments scoped_assignment
            WHERE scoped_assignment.document_id = ${alias}.id AND ${assigned.sql}))`,
    parameters: { ...owner.parameters, ...assigned.parameters },
  };
}
