import { Query, Resolver } from '@nestjs/graphql';

import { AppConfig, Clock, calendarDayOf } from '@dondoc/platform';

import { ServerInfo } from './server-info.object.js';
import { PRODUCT_VERSION } from './product-version.js';

@Resolver(() => ServerInfo)
export class ServerInfoResolver {
  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  @Query(() => ServerInfo, { description: 'The server version, its clock and its run mode.' })
  serverInfo(): ServerInfo {
    const now = this.clock.now();
    return { version: PRODUCT_VERSION, now, today: calendarDayOf(now), zeroConfig: this.config.zeroConfig };
  }
}
