import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@dondoc/audit';
import { OrganizationsModule } from '@dondoc/organizations';

import { AuthService } from './auth.service.js';
import { BrowserSessions } from './browser-sessions.service.js';
import { DemoUsers } from './demo-users.js';
import { LoginThrottle } from './login-throttle.js';
import { RefreshToken } from './refresh-token.entity.js';
import { ScopeResolver } from './scope-resolver.js';
import { SessionCache } from './session-cache.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, RefreshToken]), OrganizationsModule, AuditModule],
  providers: [
    AuthService,
    BrowserSessions,
    UsersService,
    LoginThrottle,
    ScopeResolver,
    DemoUsers,
    SessionCache,
  ],
  exports: [
    AuthService,
    BrowserSessions,
    UsersService,
    ScopeResolver,
    DemoUsers,
    SessionCache,
    OrganizationsModule,
    AuditModule,
  ],
})
export class IdentityModule {}
