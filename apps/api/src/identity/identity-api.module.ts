import { Module } from '@nestjs/common';

import { IdentityModule } from '@dondoc/identity';

import { BrowserSessionController } from './browser-session.controller.js';
import { IdentityResolver } from './identity.resolver.js';
import { UsersResolver } from './users.resolver.js';

/** Identity over GraphQL, and the console's cookie sessions over plain HTTP (/auth). */
@Module({
  imports: [IdentityModule],
  controllers: [BrowserSessionController],
  providers: [IdentityResolver, UsersResolver],
})
export class IdentityApiModule {}
