import { registerEnumType } from '@nestjs/graphql';

import { InspectionSeverity, InspectionStatus } from '@dondoc/oversight';

registerEnumType(InspectionSeverity, {
  name: 'InspectionSeverity',
  description: 'How serious a finding is.',
});
registerEnumType(InspectionStatus, {
  name: 'InspectionStatus',
  description: 'OPEN until the remedy is done and the finding resolved with a note.',
});

export { InspectionSeverity, InspectionStatus };
