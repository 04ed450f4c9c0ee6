import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, ValidateNested } from 'class-validator';

import { NotificationKind } from '@dondoc/notifications';

import { ListArgs } from '../common/list.args.js';

@InputType({ description: "Filters of allNotifications (always the caller's own)." })
export class NotificationFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(1000)
  ids?: string[];

  @Field({ nullable: true, description: 'true: only unread; false: only read.' })
  @IsOptional()
  @IsBoolean()
  unread?: boolean;

  @Field(() => NotificationKind, { nullable: true })
  @IsOptional()
  @IsEnum(NotificationKind)
  kind?: NotificationKind;
}

@ArgsType()
export class NotificationListArgs extends ListArgs {
  @Field(() => NotificationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NotificationFilter)
  filter?: NotificationFilter;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID])
  @IsString({ each: true })
  @ArrayMaxSize(1000)
  ids: string[];
}
