import { Global, Module } from '@nestjs/common';

import { AssignmentsModule } from '@dondoc/assignments';
import { OrganizationsModule } from '@dondoc/organizations';

import { LoadersFactory } from './loaders.js';

/** What every resolver module shares: the per-request loaders. */
@Global()
@Module({
  imports: [AssignmentsModule, OrganizationsModule],
  providers: [LoadersFactory],
  exports: [LoadersFactory],
})
export class CommonApiModule {}
