import { Module } from '@nestjs/common';

import { ServerInfoResolver } from './server-info.resolver.js';

@Module({ providers: [ServerInfoResolver] })
export class SystemModule {}
