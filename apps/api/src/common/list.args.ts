import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

import { TEXT_LIMITS } from '@dondoc/platform';

import { BoundedText } from './bounded-text.js';

/** Paging and sorting as react-admin sends them; `page` counts from 0. */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true, description: 'Page number, from 0.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  page?: number;

  @Field(() => Int, { nullable: true, description: 'Rows a page (1 to 1,000; 25 by default).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  perPage?: number;

  @BoundedText(TEXT_LIMITS.sortField, {
    nullable: true,
    description: 'A sortable field of the record; anything else is an error.',
  })
  sortField?: string;

  @BoundedText(TEXT_LIMITS.code, { nullable: true, description: 'ASC or DESC.' })
  @IsIn(['ASC', 'DESC', 'asc', 'desc'])
  sortOrder?: string;
}
