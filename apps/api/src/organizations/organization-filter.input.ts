import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

import { ListArgs } from '../common/list.args.js';

import { OrganizationKind, OrganizationLevel } from './organization-enums.js';

@InputType({ description: 'Filters of allOrganizations; all optional, combined with AND.' })
export class OrganizationFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  ids?: string[];

  @Field({
    nullable: true,
    description: 'Text in the name, short name or aliases, without diacritics ("hoi phu nu").',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
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
