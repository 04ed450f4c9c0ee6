/**
 * How the mailer tries a failed e-mail again (libs/notifications, `Mailer`): after the n-th
 * failure the next attempt is min(base · 2^(n-1), maximum delay) later, shortened by up to
 * a fifth at random so many messages that failed together do not all come back at once;
 * after the last allowed attempt the message is given up and shown to administrators.
 */
export interface MailRetryConfig {
  /** The delay after the first failure (MAIL_RETRY_BASE_MS). */
  baseDelayMs: number;
  /** The delay never grows past this (MAIL_RETRY_MAX_DELAY_MS). */
  maxDelayMs: number;
  /** Failed attempts after which a message is given up (MAIL_GIVE_UP_AFTER_ATTEMPTS). */
  giveUpAfterAttempts: number;
}

type Integer = (name: string, fallback: number, min: number, max: number) => number;

const DAY_MS = 86_400_000;

/** Reads the MAIL_* variables through loadConfig's validating reader. */
export function readMailRetry(integer: Integer, problems: string[]): MailRetryConfig {
  const baseDelayMs = integer('MAIL_RETRY_BASE_MS', 60_000, 1_000, DAY_MS);
  const maxDelayMs = integer('MAIL_RETRY_MAX_DELAY_MS', 3_600_000, 1_000, 7 * DAY_MS);
  // 1, 2, 4 … 32 minutes, then hourly: the 30th attempt is about a day after the first.
  const giveUpAfterAttempts = integer('MAIL_GIVE_UP_AFTER_ATTEMPTS', 30, 1, 1_000);
  if (maxDelayMs < baseDelayMs) {
    problems.push(
      `MAIL_RETRY_MAX_DELAY_MS must be at least MAIL_RETRY_BASE_MS (${baseDelayMs}), got ${maxDelayMs}`,
    );
  }
  return { baseDelayMs, maxDelayMs, giveUpAfterAttempts };
}

/**
 * The delay before the attempt after the `failures`-th failure. `random` in [0, 1) takes off
 * up to a fifth, never adds: the maximum delay stays a maximum.
 */
export function mailRetryDelayMs(retry: MailRetryConfig, failures: number, random = Math.random()): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 40);
  const delay = Math.min(retry.baseDelayMs * 2 ** exponent, retry.maxDelayMs);
  return Math.round(delay * (1 - 0.2 * random));
}
