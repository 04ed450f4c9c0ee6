import { Module } from '@nestjs/common';

import { AssignmentsModule } from '@dondoc/assignments';
import { IdentityModule } from '@dondoc/identity';
import { OversightModule } from '@dondoc/oversight';

import { AssignmentInspectionsResolver } from './assignment-inspections.resolver.js';
import { InspectionBoardResolver } from './inspection-board.resolver.js';
import { InspectionLoadersFactory } from './inspection-loaders.js';
import { InspectionsResolver } from './inspections.resolver.js';

/** Inspections, the inspections of an assignment and the inspectors' board over GraphQL. */
@Module({
  imports: [OversightModule, AssignmentsModule, IdentityModule],
  providers: [
    InspectionLoadersFactory,
    InspectionsResolver,
    AssignmentInspectionsResolver,
    InspectionBoardResolver,
  ],
})
export class OversightApiModule {}
