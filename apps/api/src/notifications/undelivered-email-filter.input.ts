import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsOptional, ValidateNested } from 'class-validator';

import { IdList } from '../common/id-list.js';
import { ListArgs } from '../common/list.args.js';

@InputType({ description: 'Filters of undeliveredEmails.' })
export class UndeliveredEmailFilter {
  @IdList({ nullable: true })
  ids?: string[];

  @Field({ nullable: true, description: 'true: only given up; false: only those still being retried.' })
  @IsOptional()
  @IsBoolean()
  givenUp?: boolean;
}

@ArgsType()
export class UndeliveredEmailListArgs extends ListArgs {
  @Field(() => UndeliveredEmailFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UndeliveredEmailFilter)
  filter?: UndeliveredEmailFilter;
}

@ArgsType()
export class RetryUndeliveredEmailsArgs {
  @IdList({ nullable: true })
  ids?: string[];
}
