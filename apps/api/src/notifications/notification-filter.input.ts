import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, ValidateNested } from 'class-validator';

import { NotificationKind } from '@dondoc/notifications';

import { IdList } from '../common/id-list.js';
import { ListArgs } from '../common/list.args.js';

@InputType({ description: "Filters of allNotifications (always the caller's own)." })
export class NotificationFilter {
  @IdList({ nullable: true })
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
  @IdList()
  ids: string[];
}
