import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, ValidateNested } from 'class-validator';

import { TEXT_LIMITS } from '@dondoc/platform';

import { BoundedText } from '../common/bounded-text.js';
import { IdList } from '../common/id-list.js';

import { ListArgs } from '../common/list.args.js';

import { OrganizationKind, OrganizationLevel } from './organization-enums.js';

@InputType({ description: 'Filters of allOrganizations; all optional, combined with AND.' })
export class OrganizationFilter {
  @IdList({ nullable: true })
  ids?: string[];

  @BoundedText(TEXT_LIMITS.search, {
    nullable: true,
    description: 'Text in the name, short name or aliases, without diacritics ("hoi phu nu").',
  })
  q?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  parentId?: string;

  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field(() => OrganizationLevel, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationLevel)
  level?: OrganizationLevel;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class OrganizationListArgs extends ListArgs {
  @Field(() => OrganizationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationFilter)
  filter?: OrganizationFilter;
}
