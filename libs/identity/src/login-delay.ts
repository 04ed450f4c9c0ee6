/** Failed sign-ins of one account that are checked without any wait. */
export const FREE_FAILURES = 5;
/** The longest wait between two attempts on one account, however many failures. */
export const MAX_DELAY_SECONDS = 15 * 60;
/**
 * How far back failures count. Longer than the time the delays take to reach their cap
 * (about 17 minutes), so a guesser who waits does not start again from nothing: once capped,
 * one guess per 15 minutes is about 100 a day. Old attempts are pruned after this.
 */
export const FAILURE_WINDOW_SECONDS = 24 * 60 * 60;

/**
 * Seconds an account waits after its latest failure, given its failures since its last
 * success: none for the first five, then 1 s, 2 s, 4 s … capped at 15 minutes.
 */
export function delayAfterFailures(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  const exponent = failures - FREE_FAILURES;
  // 2^10 s already passes the cap; beyond it the power is not computed at all.
  return exponent >= 10 ? MAX_DELAY_SECONDS : Math.min(2 ** exponent, MAX_DELAY_SECONDS);
}
