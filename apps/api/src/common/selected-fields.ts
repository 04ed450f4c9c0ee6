import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * Look-ahead: the fields the request selects under the current field, by name, each with
 * the sub-selections that ask for it (through fragments and inline fragments too). Used to
 * read in one statement what the field resolvers below would otherwise fetch one by one.
 * `@skip`/`@include` are not evaluated: a field they leave out is read for nothing, never
 * missed.
 */
export function selectedFields(info: GraphQLResolveInfo): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  for (const node of info.fieldNodes) collect(node.selectionSet, info, fields, new Set());
  return fields;
}

/** The field names selected under these nodes (one level down). */
export function subfieldNames(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): Set<string> {
  const fields = new Map<string, FieldNode[]>();
  for (const node of nodes) collect(node.selectionSet, info, fields, new Set());
  return new Set(fields.keys());
}

function collect(
  selectionSet: SelectionSetNode | undefined,
  info: GraphQLResolveInfo,
  into: Map<string, FieldNode[]>,
  seenFragments: Set<string>,
): void {
  if (!selectionSet) return;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const nodes = into.get(name);
      if (nodes) nodes.push(selection);
      else into.set(name, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, info, into, seenFragments);
    } else {
      const name = selection.name.value;
      if (seenFragments.has(name)) continue;
      seenFragments.add(name);
      collect(info.fragments[name]?.selectionSet, info, into, seenFragments);
    }
  }
}
