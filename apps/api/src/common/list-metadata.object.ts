import { Field, Int, ObjectType } from '@nestjs/graphql';

/** `_allXsMeta`, as ra-data-graphql-simple reads it. */
@ObjectType({ description: 'How many records a list filter matches.' })
export class ListMetadata {
  @Field(() => Int)
  count: number;
}
