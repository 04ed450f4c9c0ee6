import { ArgsType, Field, ID } from '@nestjs/graphql';
import {
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MinLength,
} from 'class-validator';

import { MIN_PASSWORD_LENGTH } from '@dondoc/identity';
import { TEXT_LIMITS } from '@dondoc/platform';

import { BoundedText } from '../common/bounded-text.js';

import { Role } from './role-enum.js';

@ArgsType()
export class CreateUserArgs {
  @BoundedText(TEXT_LIMITS.email)
  @IsEmail()
  email: string;

  @BoundedText(TEXT_LIMITS.personName, { required: true })
  name: string;

  @Field(() => ID)
  @IsUUID()
  organizationId: string;

  @Field(() => [Role])
  @ArrayMinSize(1)
  @IsEnum(Role, { each: true })
  roles: Role[];

  @BoundedText(TEXT_LIMITS.password, { description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  @MinLength(MIN_PASSWORD_LENGTH)
  password: string;

  @BoundedText(TEXT_LIMITS.code, { nullable: true, description: 'vi (default) or en.' })
  @IsIn(['vi', 'en'])
  locale?: 'vi' | 'en';
}

@ArgsType()
export class UpdateUserArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @BoundedText(TEXT_LIMITS.personName, { nullable: true, required: true })
  name?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @IsEnum(Role, { each: true })
  roles?: Role[];

  @BoundedText(TEXT_LIMITS.code, { nullable: true, description: 'vi or en.' })
  @IsIn(['vi', 'en'])
  locale?: 'vi' | 'en';

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @BoundedText(TEXT_LIMITS.password, {
    nullable: true,
    description: `At least ${MIN_PASSWORD_LENGTH} characters.`,
  })
  @MinLength(MIN_PASSWORD_LENGTH)
  password?: string;
}

/** Login checks the lengths itself: an oversized attempt is refused and still counted. */
@ArgsType()
export class LoginArgs {
  @BoundedText(TEXT_LIMITS.email, { checkedByService: true }) email: string;
  @BoundedText(TEXT_LIMITS.password, { checkedByService: true }) password: string;
}

@ArgsType()
export class RefreshTokenArgs {
  @BoundedText(TEXT_LIMITS.token) refreshToken: string;
}
