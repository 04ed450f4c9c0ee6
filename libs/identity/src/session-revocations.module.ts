import { Module } from '@nestjs/common';

import { IdentityModule } from './identity.module.js';
import { SessionRevocationListener } from './session-revocations.js';

/**
 * Imported by the API alone: the processes that authenticate requests listen for ended
 * sessions; the worker and the CLI do not need a connection for it.
 */
@Module({
  imports: [IdentityModule],
  providers: [SessionRevocationListener],
  exports: [SessionRevocationListener],
})
export class SessionRevocationsModule {}
