export interface OrganizationNode<T> {
  organization: T;
  children: OrganizationNode<T>[];
}

/**
 * Flat organizations → a forest. A body whose parent is out of the caller's sight (or
 * absent) is a root, so an officer's own body heads their tree. Children keep input order.
 */
export function buildTree<T extends { id: string; parent?: { id: string } | null }>(
  organizations: readonly T[],
): OrganizationNode<T>[] {
  const nodes = new Map(
    organizations.map((organization) => [
      organization.id,
      { organization, children: [] as OrganizationNode<T>[] },
    ]),
  );
  const roots: OrganizationNode<T>[] = [];
  for (const node of nodes.values()) {
    const parentId = node.organization.parent?.id;
    const parent = parentId && parentId !== node.organization.id ? nodes.get(parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Every id in a subtree, the node's own included. */
export function subtreeIds<T extends { id: string }>(node: OrganizationNode<T>): string[] {
  return [node.organization.id, ...node.children.flatMap(subtreeIds)];
}
