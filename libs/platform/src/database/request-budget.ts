import { AsyncLocalStorage } from 'node:async_hooks';

import { DomainErrorCode, DomainException } from '../errors/domain.exception.js';

/**
 * What one HTTP request may spend on the database: a deadline, and a bounded number of
 * connections held at once. Without it, one query of a thousand aliased root fields asks the
 * pool for a thousand connections and every other caller waits behind it.
 */
export class RequestBudget {
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    /** Epoch milliseconds after which the request may not start more database work. */
    readonly deadline: number,
    /** Connections this request may hold at the same time. */
    readonly maxConnections: number,
    /** The budget as configured, for the message. */
    readonly timeoutMs: number,
  ) {}

  static startingNow(timeoutMs: number, maxConnections: number): RequestBudget {
    return new RequestBudget(Date.now() + timeoutMs, maxConnections, timeoutMs);
  }

  /** Connections held right now (for tests and metrics). */
  get connectionsHeld(): number {
    return this.held;
  }

  /**
   * Waits for one of the request's connection permits. Rejects with `TIMEOUT` once the
   * deadline has passed, whether before or while waiting.
   */
  async acquire(): Promise<void> {
    this.throwIfExpired();
    if (this.held < this.maxConnections) {
      this.held += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(
        () => {
          const index = this.waiting.indexOf(grant);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(requestTimedOut(this.timeoutMs));
        },
        Math.max(0, this.deadline - Date.now()),
      );
      this.waiting.push(grant);
    });
  }

  /** Gives a permit back: straight to the next waiter of this request, if any. */
  release(): void {
    const next = this.waiting.shift();
    if (next) {
      next();
      return;
    }
    this.held = Math.max(0, this.held - 1);
  }

  throwIfExpired(): void {
    if (Date.now() >= this.deadline) throw requestTimedOut(this.timeoutMs);
  }
}

const storage = new AsyncLocalStorage<RequestBudget>();

/** Runs `work` (and everything it starts asynchronously) under `budget`. */
export function runWithinBudget<T>(budget: RequestBudget, work: () => T): T {
  return storage.run(budget, work);
}

/** The budget of the request being served, or undefined outside one (worker, CLI, boot). */
export function currentRequestBudget(): RequestBudget | undefined {
  return storage.getStore();
}

export function requestTimedOut(timeoutMs: number): DomainException {
  const seconds = formatSeconds(timeoutMs);
  return new DomainException(
    DomainErrorCode.TIMEOUT,
    {
      en: `The request ran past its time budget of ${seconds.en} s and was stopped; narrow it (fewer fields, a smaller page) or try again`,
      vi: `Yêu cầu vượt quá thời gian cho phép ${seconds.vi} giây và đã bị dừng; hãy thu hẹp yêu cầu (ít trường hơn, trang nhỏ hơn) hoặc thử lại`,
    },
    { budgetMs: timeoutMs },
  );
}

export function formatSeconds(ms: number): LocalizedSeconds {
  const value = Math.round(ms / 100) / 10;
  return { en: String(value), vi: String(value).replace('.', ',') };
}

interface LocalizedSeconds {
  en: string;
  vi: string;
}
