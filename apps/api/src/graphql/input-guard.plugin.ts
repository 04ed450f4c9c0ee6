import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ArgumentNode,
  type DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLID,
  type GraphQLInputType,
  GraphQLInputObjectType,
  GraphQLList,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';

import { isUuid } from '@dondoc/organizations';
import { DomainErrorCode, type LocalizedMessage, unsafeCharacterIn } from '@dondoc/platform';

import type { RequestContext } from '../auth/request-context.js';
import { localeOf } from '../common/graphql-error.filter.js';

/**
 * ID positions that do not hold a UUID. An audit event is keyed by its place in the chain (a
 * bigint); an audited record's id is whatever that record is keyed by. Every other ID in the
 * schema is a UUID.
 */
export const NON_UUID_IDS: Record<string, (value: string) => boolean> = {
  'Query.AuditEvent.id': (value) => /^[1-9][0-9]{0,18}$/.test(value),
  'AuditEventFilter.entityId': (value) => value.length > 0,
};

/**
 * Refuses, before any resolver runs, string inputs that could only end as a driver error:
 * a NUL byte or a lone surrogate in any string (inline or in variables, at any depth of an
 * input object or list), and an ID that is not a UUID (an empty one included). The answer is
 * BAD_USER_INPUT naming the argument, in the caller's language (the body-limit step has
 * already identified a signed-in caller; Accept-Language otherwise).
 */
export function inputGuardPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, request, schema, contextValue }) {
          const problem = firstProblem(schema, document, request.variables ?? {});
          if (!problem) return Promise.resolve();
          const locale = localeOf(contextValue);
          return Promise.reject(
            new GraphQLError(locale === 'en' ? problem.message.en : problem.message.vi, {
              extensions: {
                code: DomainErrorCode.BAD_USER_INPUT,
                fields: [problem.path],
                http: { status: 400 },
              },
            }),
          );
        },
      });
    },
  };
}

interface Problem {
  path: string;
  message: LocalizedMessage;
}

/** One argument of an operation, as the walk of `firstProblem` needs it. */
interface ArgumentSite {
  value: ValueNode;
  type: GraphQLInputType;
  position: string;
  name: string;
}

/**
 * The arguments of each document, found once: Apollo keeps the parsed document of a query it
 * has seen (its document store), so the same DocumentNode comes back with every request of a
 * console screen, and only the variables differ. Weak keys: an entry lives as long as Apollo
 * keeps the document, so this grows no further than Apollo's own cache.
 */
const sitesBySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly ArgumentSite[]>>();

function argumentSites(schema: GraphQLSchema, document: DocumentNode): readonly ArgumentSite[] {
  let byDocument = sitesBySchema.get(schema);
  if (!byDocument) sitesBySchema.set(schema, (byDocument = new WeakMap()));
  let sites = byDocument.get(document);
  if (!sites) byDocument.set(document, (sites = findArgumentSites(schema, document)));
  return sites;
}

function findArgumentSites(schema: GraphQLSchema, document: DocumentNode): ArgumentSite[] {
  const typeInfo = new TypeInfo(schema);
  const sites: ArgumentSite[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument: (node: ArgumentNode) => {
        const argument = typeInfo.getArgument();
        if (!argument) return false;
        const owner = typeInfo.getDirective()
          ? `@${typeInfo.getDirective()?.name}`
          : `${typeInfo.getParentType()?.name}.${typeInfo.getFieldDef()?.name}`;
        sites.push({
          value: node.value,
          type: argument.type,
          position: `${owner}.${argument.name}`,
          name: argument.name,
        });
        return false;
      },
    }),
  );
  return sites;
}

/** The first refused value among the arguments, in document order. */
function firstProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
): Problem | null {
  for (const site of argumentSites(schema, document)) {
    const problem = checkNode(site.value, site.type, site.position, site.name, variables);
    if (problem) return problem;
  }
  return null;
}

/** Walks an inline value; a variable is looked up and walked as plain JSON. */
function checkNode(
  node: ValueNode,
  type: GraphQLInputType,
  position: string,
  path: string,
  variables: Record<string, unknown>,
): Problem | null {
  const nullable = getNullableType(type);
  switch (node.kind) {
    case Kind.VARIABLE:
      return checkJson(variables[node.name.value], type, position, path);
    case Kind.LIST: {
      // A list where no list is declared is refused by coercion anyway; following the type,
      // never the value, keeps the walk as shallow as the schema.
      if (!(nullable instanceof GraphQLList)) return null;
      const itemType = nullable.ofType as GraphQLInputType;
      for (const [index, item] of node.values.entries()) {
        const problem = checkNode(item, itemType, position, `${path}[${index}]`, variables);
        if (problem) return problem;
      }
      return null;
    }
    case Kind.OBJECT: {
      const named = getNamedType(type);
      if (!(named instanceof GraphQLInputObjectType)) return null;
      const fields = named.getFields();
      for (const field of node.fields) {
        const definition = fields[field.name.value];
        if (!definition) continue;
        const problem = checkNode(
          field.value,
          definition.type,
          `${named.name}.${definition.name}`,
          `${path}.${definition.name}`,
          variables,
        );
        if (problem) return problem;
      }
      return null;
    }
    case Kind.STRING:
      return checkString(node.value, type, position, path);
    case Kind.INT:
      // An ID may be written as a number literal; it is no UUID either.
      return checkString(node.value, type, position, path);
    case Kind.FLOAT:
    case Kind.BOOLEAN:
    case Kind.NULL:
    case Kind.ENUM:
      return null;
  }
}

function checkJson(value: unknown, type: GraphQLInputType, position: string, path: string): Problem | null {
  if (value === null || value === undefined) return null;
  const nullable = getNullableType(type);
  if (nullable instanceof GraphQLList) {
    // One value where a list is declared stands for a list of one.
    if (!Array.isArray(value)) return checkJson(value, nullable.ofType as GraphQLInputType, position, path);
    const itemType = nullable.ofType as GraphQLInputType;
    for (const [index, item] of value.entries()) {
      const problem = checkJson(item, itemType, position, `${path}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (Array.isArray(value)) return null; // no list declared here: coercion refuses it
  if (typeof value === 'object') {
    const named = getNamedType(type);
    if (!(named instanceof GraphQLInputObjectType)) return null;
    const fields = named.getFields();
    for (const [name, item] of Object.entries(value)) {
      const definition = fields[name];
      if (!definition) continue;
      const problem = checkJson(item, definition.type, `${named.name}.${name}`, `${path}.${name}`);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'string' || typeof value === 'number')
    return checkString(String(value), type, position, path);
  return null;
}

function checkString(value: string, type: GraphQLInputType, position: string, path: string): Problem | null {
  const unsafe = unsafeCharacterIn(value);
  if (unsafe === 'NUL') {
    return {
      path,
      message: {
        en: `${path} contains a NUL character (\\u0000), which text may not hold`,
        vi: `${path} chứa ký tự NUL (\\u0000), không được phép có trong văn bản`,
      },
    };
  }
  if (unsafe === 'LONE_SURROGATE') {
    return {
      path,
      message: {
        en: `${path} is not valid Unicode text (a lone surrogate)`,
        vi: `${path} không phải văn bản Unicode hợp lệ (có ký tự thay thế đơn lẻ)`,
      },
    };
  }
  if (getNamedType(type) !== GraphQLID) return null;
  const exception = NON_UUID_IDS[position];
  if (exception ? exception(value) : isUuid(value)) return null;
  return {
    path,
    message: {
      en: `${path} is not a valid id: ${JSON.stringify(value.slice(0, 40))}`,
      vi: `${path} không phải mã định danh hợp lệ: ${JSON.stringify(value.slice(0, 40))}`,
    },
  };
}
