import { ArgsType, Field, ID } from '@nestjs/graphql';
import {
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';

import { OrganizationKind, OrganizationLevel } from './organization-enums.js';

/** createOrganization takes its fields as arguments, as ra-data-graphql-simple sends them. */
@ArgsType()
export class CreateOrganizationArgs {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  shortName?: string | null;

  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field(() => OrganizationLevel)
  @IsEnum(OrganizationLevel)
  level: OrganizationLevel;

  @Field(() => ID, { nullable: true, description: 'The parent body; none for a root.' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  aliases?: string[];
}

@ArgsType()
export class UpdateOrganizationArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  shortName?: string | null;

  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field(() => OrganizationLevel, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationLevel)
  level?: OrganizationLevel;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  aliases?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
