import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID } from 'class-validator';

import { TEXT_LIMITS } from '@dondoc/platform';

import { BoundedText } from '../common/bounded-text.js';
import { OrganizationKind, OrganizationLevel } from './organization-enums.js';

/** createOrganization takes its fields as arguments, as ra-data-graphql-simple sends them. */
@ArgsType()
export class CreateOrganizationArgs {
  @BoundedText(TEXT_LIMITS.organizationName, { required: true })
  name: string;

  @BoundedText(TEXT_LIMITS.organizationShortName, { nullable: true })
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

  @BoundedText(TEXT_LIMITS.alias, { nullable: true, list: true, description: 'At most 50 aliases.' })
  @IsArray()
  @ArrayMaxSize(50)
  aliases?: string[];
}

@ArgsType()
export class UpdateOrganizationArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @BoundedText(TEXT_LIMITS.organizationName, { nullable: true, required: true })
  name?: string;

  @BoundedText(TEXT_LIMITS.organizationShortName, { nullable: true })
  shortName?: string | null;

  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field(() => OrganizationLevel, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationLevel)
  level?: OrganizationLevel;

  @BoundedText(TEXT_LIMITS.alias, { nullable: true, list: true, description: 'At most 50 aliases.' })
  @IsArray()
  @ArrayMaxSize(50)
  aliases?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
