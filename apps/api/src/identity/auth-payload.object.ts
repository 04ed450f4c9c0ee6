import { Field, ObjectType } from '@nestjs/graphql';

import { UserObject } from './user.object.js';

@ObjectType('AuthPayload', { description: 'A new session: a 15-minute access token and a refresh token.' })
export class AuthPayloadObject {
  @Field({ description: 'Send as "Authorization: Bearer <accessToken>"; valid 15 minutes.' })
  accessToken: string;

  @Field({ description: 'Exchange with refresh() for a new pair; each can be used once.' })
  refreshToken: string;

  @Field(() => UserObject)
  user: UserObject;
}
