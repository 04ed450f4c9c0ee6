import { Query, Resolver } from '@nestjs/graphql';

import { Permission } from '@dondoc/identity';
import { AppConfig, Clock, calendarDayOf } from '@dondoc/platform';

import { RequirePermission } from '../auth/require-permission.decorator.js';

import { ServerInfo } from './server-info.object.js';
import { PRODUCT_VERSION } from './product-version.js';

@Resolver(() => ServerInfo)
export class ServerInfoResolver {
  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  @Query(() => ServerInfo, { description: 'The server version, its clock and its run mode.' })
  @RequirePermission(Permission.PUBLIC)
  serverInfo(): ServerInfo {
    const now = this.clock.now();
    return { version: PRODUCT_VERSION, now, today: calendarDayOf(now), zeroConfig: this.config.zeroConfig };
  }
}
