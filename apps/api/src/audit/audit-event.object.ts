import { Field, ID, ObjectType } from '@nestjs/graphql';

import type { AuditEvent } from '@dondoc/audit';

import { JsonScalar } from '../common/json.scalar.js';

@ObjectType('AuditEvent', {
  description: 'Who did what to which record, when; append-only and hash-chained.',
})
export class AuditEventObject {
  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field(() => ID, { nullable: true, description: 'The user who acted; null when the system did.' })
  actorId: string | null;

  @Field(() => ID, { nullable: true })
  actorOrganizationId: string | null;

  @Field({ description: 'What happened, as <entity>.<verb> (organization.updated…).' })
  action: string;

  @Field()
  entityType: string;

  @Field()
  entityId: string;

  @Field(() => JsonScalar, { nullable: true })
  before: unknown;

  @Field(() => JsonScalar, { nullable: true })
  after: unknown;

  @Field(() => String, { nullable: true })
  requestId: string | null;

  @Field({
    description:
      'HMAC-SHA-256 with the audit key over the event, the bodies it is about and the previous hash (plain SHA-256 for events recorded before the chain was keyed).',
  })
  hash: string;

  @Field()
  previousHash: string;
}

export function toAuditEventObject(event: AuditEvent): AuditEventObject {
  const { subjectPaths: _paths, chainVersion: _version, ...shown } = event;
  return shown;
}
