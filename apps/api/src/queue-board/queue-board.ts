import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { Redis } from 'ioredis';

import { ALL_QUEUES, AppConfig, redactUrl, redisOptionsFromUrl } from '@dondoc/platform';

import { withoutThirdPartyFonts } from './without-third-party-fonts.js';

/** Where the board is served; the console's catch-all route leaves this path alone. */
export const QUEUE_BOARD_PATH = '/admin/queues';
/** How long a request of the board's API waits for a connection being made. */
const READY_WAIT_MS = 2_000;

/**
 * The BullMQ queue board (@bull-board) for administrators: failed jobs that gave up, what
 * waits, what runs. Its Redis connection is made when an administrator first opens the board,
 * never at start, and is built for an API that must keep serving without Redis: commands fail
 * at once instead of queueing, reconnection backs off to 30 s, and an outage is logged once.
 */
@Injectable()
export class QueueBoard implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueBoard.name);
  private board: Board | null = null;
  private opening: Promise<Board> | null = null;
  private redisDown = false;

  constructor(private readonly config: AppConfig) {}

  /** The board's own routes (page, assets, API); its API answers 503 while Redis is away. */
  readonly serve = async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const board = this.board ?? (await this.open());
    if (request.path.startsWith('/api/') && !(await answers(board.redis))) {
      response
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Redis does not answer: the queue board shows the queues again when it is back');
      return;
    }
    board.router(request, response, next);
  };

  async onApplicationShutdown(): Promise<void> {
    if (!this.board) return;
    await Promise.all(this.board.queues.map((queue) => queue.close().catch(() => undefined)));
    this.board.redis.disconnect();
  }

  /** Once, at the first request: the board's packages are loaded then, not at start. */
  private open(): Promise<Board> {
    this.opening ??= this.build().then(
      (board) => (this.board = board),
      (error: unknown) => {
        this.opening = null; // the next request tries again
        throw error;
      },
    );
    return this.opening;
  }

  private async build(): Promise<Board> {
    // Loaded here, not at the top: the board (and its UI's modules) is for administrators
    // who open it, and the API serving lists does not carry it in memory until then.
    const [{ Queue }, { createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([
      import('bullmq'),
      import('@bull-board/api'),
      import('@bull-board/api/bullMQAdapter'),
      import('@bull-board/express'),
    ]);
    const redis = new Redis({
      ...redisOptionsFromUrl(this.config.redisUrl),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 1_000, 30_000),
    });
    redis.on('error', (error: Error) => this.redisIs(false, error.message));
    redis.on('ready', () => this.redisIs(true));
    // One connection for the three queues; BullMQ leaves a connection it was given open.
    const queues = ALL_QUEUES.map(
      (name) => new Queue(name, { connection: redis, prefix: this.config.queuePrefix }),
    );
    // Errors of the shared connection reach each queue too; `redis` has already logged them.
    for (const queue of queues) queue.on('error', () => undefined);
    const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter });
    const router: Express = serverAdapter.getRouter();
    router.disable('x-powered-by');
    withoutThirdPartyFonts(router);
    return { router, queues, redis };
  }

  private redisIs(up: boolean, reason?: string): void {
    if (up === !this.redisDown) return;
    this.redisDown = !up;
    const where = redactUrl(this.config.redisUrl);
    if (up) this.logger.log(`Redis answers again at ${where}: the queue board shows the queues`);
    else this.logger.warn(`Redis does not answer at ${where} (${reason}): the queue board waits for it`);
  }
}

interface Board {
  router: RequestHandler;
  queues: Queue[];
  redis: Redis;
}

/** Whether the connection is ready, waiting a moment for one still being made. */
function answers(redis: Redis): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), READY_WAIT_MS);
    redis.once('ready', onReady);
  });
}
