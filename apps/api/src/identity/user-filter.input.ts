import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, ValidateNested } from 'class-validator';

import { TEXT_LIMITS } from '@dondoc/platform';

import { BoundedText } from '../common/bounded-text.js';
import { IdList } from '../common/id-list.js';

import { ListArgs } from '../common/list.args.js';

import { Role } from './role-enum.js';

@InputType({ description: 'Filters of allUsers; all optional, combined with AND.' })
export class UserFilter {
  @IdList({ nullable: true })
  ids?: string[];

  @BoundedText(TEXT_LIMITS.search, {
    nullable: true,
    description: 'Text in the name or e-mail, without diacritics.',
  })
  q?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  organizationId?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class UserListArgs extends ListArgs {
  @Field(() => UserFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFilter)
  filter?: UserFilter;
}
