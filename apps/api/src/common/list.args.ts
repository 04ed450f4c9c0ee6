import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

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

  @Field({ nullable: true, description: 'A sortable field of the record; anything else is an error.' })
  @IsOptional()
  @IsString()
  sortField?: string;

  @Field({ nullable: true, description: 'ASC or DESC.' })
  @IsOptional()
  @IsIn(['ASC', 'DESC', 'asc', 'desc'])
  sortOrder?: string;
}
