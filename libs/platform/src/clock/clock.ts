import { Injectable } from '@nestjs/common';

/**
 * The only source of "now" in the product. Injected everywhere time matters, so a test
 * (or `cli tick --at`) can stand on any date without touching the system clock.
 */
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until moved; for tests and time-travel commands. */
export class FixedClock extends Clock {
  private current: Date;

  constructor(at: Date | string) {
    super();
    this.current = new Date(at);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}
