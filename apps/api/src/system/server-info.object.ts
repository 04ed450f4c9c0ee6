import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What this server is and how it runs.' })
export class ServerInfo {
  @Field({ description: 'The product version (package.json).' })
  version: string;

  @Field({ description: 'The server time, as an instant.' })
  now: Date;

  @Field({ description: 'The calendar day in Asia/Ho_Chi_Minh on which due dates are judged (YYYY-MM-DD).' })
  today: string;

  @Field({
    description: 'True when running on the zero-configuration default (embedded database, demo data).',
  })
  zeroConfig: boolean;
}
