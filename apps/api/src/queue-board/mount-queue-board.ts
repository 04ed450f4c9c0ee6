import type { NestExpressApplication } from '@nestjs/platform-express';

import { AuthService } from '@dondoc/identity';

import { QueueBoard, QUEUE_BOARD_PATH } from './queue-board.js';
import { queueBoardAuth } from './queue-board-auth.js';

/**
 * Mounts the board as plain Express middleware on its path: the board is an Express app of its
 * own that serves a page, its assets and a JSON API under that path.
 */
export function mountQueueBoard(app: NestExpressApplication): void {
  app.use(QUEUE_BOARD_PATH, queueBoardAuth(app.get(AuthService)), app.get(QueueBoard).serve);
}
