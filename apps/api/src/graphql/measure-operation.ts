import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '@dondoc/platform';

import { IN_MEMORY_TYPES, listBound, objectCost } from './list-bounds.js';

/** The shape and the estimated size of one operation, fragments expanded. */
export interface OperationMeasure {
  /** Deepest nesting of fields; a root field alone is 1. */
  depth: number;
  aliases: number;
  fields: number;
  /** Objects the operation can return at most: a list counts its page size times its children. */
  cost: number;
}

/**
 * What one `__schema` or `__type` costs. graphql-js's MaxIntrospectionDepthRule already bounds
 * how deep introspection may nest, and its answer comes from memory, so it is priced as a whole:
 * the console's one introspection query takes a quarter of the default budget, and a query that
 * aliases it many times over is refused like any other expensive one.
 */
export const INTROSPECTION_COST = 5_000;

const NOTHING: OperationMeasure = { depth: 0, aliases: 0, fields: 0, cost: 0 };

/**
 * Measures an operation on its parsed document with the request's variables, before anything
 * runs. Each fragment is measured once and reused, so a document that spreads fragments into
 * each other costs linear time here however large its expansion would be.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> = {},
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, OperationMeasure>();
  const inProgress = new Set<string>();

  const variableDefaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      variableDefaults.set(definition.variable.name.value, definition.defaultValue);
  }

  const pageSize = (value: ValueNode | undefined): number => {
    if (value === undefined || value.kind === Kind.NULL) return DEFAULT_PER_PAGE;
    if (value.kind === Kind.INT) return clampPage(Number(value.value));
    if (value.kind === Kind.VARIABLE) {
      const name = value.name.value;
      const given = variables[name];
      if (given === undefined) return pageSize(variableDefaults.get(name));
      if (given === null) return DEFAULT_PER_PAGE;
      return clampPage(given);
    }
    // Anything else is refused by coercion before a resolver runs; count the worst case meanwhile.
    return MAX_PER_PAGE;
  };

  const listSize = (
    parent: GraphQLNamedType,
    field: GraphQLField<unknown, unknown>,
    args: Map<string, ValueNode>,
  ) =>
    field.args.some((arg) => arg.name === 'perPage')
      ? pageSize(args.get('perPage'))
      : listBound(parent.name, field.name);

  const fragment = (name: string): OperationMeasure => {
    const known = measured.get(name);
    if (known) return known;
    const definition = fragments.get(name);
    // An unknown or cyclic fragment is a validation error, reported before this runs.
    if (!definition || inProgress.has(name)) return NOTHING;
    const type = schema.getType(definition.typeCondition.name.value);
    if (!type) return NOTHING;
    inProgress.add(name);
    const result = selections(definition.selectionSet, type);
    inProgress.delete(name);
    measured.set(name, result);
    return result;
  };

  const selections = (set: SelectionSetNode, parent: GraphQLNamedType): OperationMeasure => {
    const total = { ...NOTHING };
    const add = (part: OperationMeasure) => {
      total.depth = Math.max(total.depth, part.depth);
      total.aliases += part.aliases;
      total.fields += part.fields;
      total.cost += part.cost;
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const part = fragment(selection.name.value);
        add(part);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        const part = type ? selections(selection.selectionSet, type) : NOTHING;
        add(part);
        continue;
      }
      const name = selection.name.value;
      const alias = selection.alias ? 1 : 0;
      if (name === '__schema' || name === '__type') {
        add({ depth: 1, aliases: alias, fields: 1, cost: INTROSPECTION_COST });
        continue;
      }
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      const type = field ? getNamedType(field.type) : undefined;
      if (!field || !type || !isCompositeType(type) || !selection.selectionSet) {
        // A scalar, an enum, `__typename` (or an unknown field, which validation refuses).
        add({ depth: 1, aliases: alias, fields: 1, cost: 0 });
        continue;
      }
      const args = new Map((selection.arguments ?? []).map((arg) => [arg.name.value, arg.value]));
      const items = isListType(getNullableType(field.type)) ? listSize(parent, field, args) : 1;
      const children = selections(selection.selectionSet, type);
      add({
        depth: 1 + children.depth,
        aliases: alias + children.aliases,
        fields: 1 + children.fields,
        cost: IN_MEMORY_TYPES.has(type.name)
          ? 0
          : items * (objectCost(parent.name, name, MAX_PER_PAGE) + children.cost),
      });
    }
    return total;
  };

  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  return root ? selections(operation.selectionSet, root) : { ...NOTHING };
}

/** The page the list resolver will really read: out-of-range values are refused there, by name. */
function clampPage(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) return MAX_PER_PAGE;
  return Math.min(Math.max(value, 1), MAX_PER_PAGE);
}
