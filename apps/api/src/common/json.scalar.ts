import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** Any JSON value, for records shown as they were stored (audit before/after). Output only in practice. */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'A JSON value: object, array, string, number, boolean or null.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: function literal(ast: ValueNode): unknown {
    switch (ast.kind) {
      case Kind.STRING:
      case Kind.BOOLEAN:
        return ast.value;
      case Kind.INT:
      case Kind.FLOAT:
        return Number(ast.value);
      case Kind.OBJECT:
        return Object.fromEntries(ast.fields.map((field) => [field.name.value, literal(field.value)]));
      case Kind.LIST:
        return ast.values.map((value) => literal(value));
      case Kind.NULL:
        return null;
      case Kind.ENUM:
        return ast.value;
      case Kind.VARIABLE:
        throw new TypeError('JSON literals cannot contain variables');
    }
  },
});
