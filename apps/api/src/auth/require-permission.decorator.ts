import { Extensions } from '@nestjs/graphql';

import { type Permission } from '@dondoc/identity';

/**
 * Declares what an operation needs. Stored as a field extension of the schema itself, so
 * the guard reads it from the field being resolved and a test can walk the schema and
 * find any operation that declares nothing (the guard refuses those anyway).
 */
export function RequirePermission(permission: Permission): MethodDecorator {
  return Extensions({ permission }) as MethodDecorator;
}
