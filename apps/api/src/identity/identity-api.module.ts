import { Module } from '@nestjs/common';

import { IdentityModule } from '@dondoc/identity';

import { IdentityResolver } from './identity.resolver.js';
import { UsersResolver } from './users.resolver.js';

@Module({ imports: [IdentityModule], providers: [IdentityResolver, UsersResolver] })
export class IdentityApiModule {}
