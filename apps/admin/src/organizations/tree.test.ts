import { describe, expect, it } from 'vitest';
import { buildTree, subtreeIds } from './tree';

describe('the organization tree', () => {
  const organizations = [
    { id: 'tu', name: 'Tỉnh ủy', parent: null },
    { id: 'pn', name: 'Hội LHPN tỉnh', parent: { id: 'tu' } },
    { id: 'pn-dh', name: 'Hội LHPN huyện Đăk Hà', parent: { id: 'pn' } },
    { id: 'nd', name: 'Hội Nông dân tỉnh', parent: { id: 'tu' } },
    { id: 'orphan', name: 'Out of sight parent', parent: { id: 'hidden' } },
  ];

  it('nests children under their parent and makes unseen parents roots', () => {
    const roots = buildTree(organizations);
    expect(roots.map((root) => root.organization.id)).toEqual(['tu', 'orphan']);
    expect(roots[0]?.children.map((child) => child.organization.id)).toEqual(['pn', 'nd']);
    expect(roots[0]?.children[0]?.children.map((child) => child.organization.id)).toEqual(['pn-dh']);
  });

  it('lists a subtree', () => {
    const [root] = buildTree(organizations);
    expect(root && subtreeIds(root)).toEqual(['tu', 'pn', 'pn-dh', 'nd']);
  });
});
