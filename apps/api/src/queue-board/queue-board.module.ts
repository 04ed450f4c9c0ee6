import { Module } from '@nestjs/common';

import { IdentityModule } from '@dondoc/identity';

import { QueueBoard } from './queue-board.js';

/** The queue board at /admin/queues; mounted on the HTTP server by `mountQueueBoard`. */
@Module({
  imports: [IdentityModule],
  providers: [QueueBoard],
  exports: [QueueBoard],
})
export class QueueBoardModule {}
