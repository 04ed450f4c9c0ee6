/**
 * The RFC 4122 shape (8-4-4-4-12 hex digits, any version). A looser `[0-9a-f-]{36}` lets
 * 36 dashes through to PostgreSQL, which refuses them as a uuid with a driver error.
 */
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_SHAPE.test(value);
}
