import { Injectable, type NestMiddleware } from '@nestjs/common';

import { AppConfig } from '../config/app-config.js';
import { RequestBudget, runWithinBudget } from './request-budget.js';

/**
 * Gives each API request its own database budget (deadline and connection share) for
 * everything it runs. Registered as route middleware, after the body is parsed, so the
 * asynchronous context it opens is the one the GraphQL execution continues in.
 */
@Injectable()
export class RequestBudgetMiddleware implements NestMiddleware {
  constructor(private readonly config: AppConfig) {}

  use(_request: unknown, _response: unknown, next: (error?: unknown) => void): void {
    const budget = RequestBudget.startingNow(this.config.requestTimeoutMs, this.config.requestMaxConnections);
    runWithinBudget(budget, () => next());
  }
}
