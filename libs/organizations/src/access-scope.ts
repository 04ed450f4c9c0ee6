/**
 * What a caller may see, as organization subtrees. Every list and lookup applies it in SQL,
 * so a resolver that forgets cannot leak: another body's record is simply not found.
 */
export type AccessScope =
  | { kind: 'all' }
  /** Everything at or under these ltree paths. */
  | { kind: 'subtrees'; paths: string[] };

export const ALL_ORGANIZATIONS: AccessScope = { kind: 'all' };

/**
 * The SQL condition limiting rows to the scope, for an organization path expression
 * (`o.path`). Parameters are named so it composes with TypeORM query builders.
 */
export function scopeCondition(pathExpression: string, scope: AccessScope, parameter = 'scopePaths') {
  if (scope.kind === 'all') return { sql: 'TRUE', parameters: {} };
  if (scope.paths.length === 0) return { sql: 'FALSE', parameters: {} };
  return {
    sql: `${pathExpression} <@ ARRAY[:...${parameter}]::ltree[]`,
    parameters: { [parameter]: scope.paths },
  };
}

export function scopeIncludesPath(scope: AccessScope, path: string): boolean {
  if (scope.kind === 'all') return true;
  return scope.paths.some((root) => path === root || path.startsWith(`${root}.`));
}
