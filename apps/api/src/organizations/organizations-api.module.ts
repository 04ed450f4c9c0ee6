import { Module } from '@nestjs/common';

import { OrganizationsModule } from '@dondoc/organizations';

import { OrganizationsResolver } from './organizations.resolver.js';

@Module({ imports: [OrganizationsModule], providers: [OrganizationsResolver] })
export class OrganizationsApiModule {}
