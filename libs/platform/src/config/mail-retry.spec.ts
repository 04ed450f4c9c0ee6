import { type ConfigException, loadConfig } from './app-config.js';
import { mailRetryDelayMs } from './mail-retry.js';

const MINUTE = 60_000;

describe('retrying failed e-mail, from the environment', () => {
  it('backs off 1, 2, 4 … 32 minutes, then hourly, and gives up after 30 attempts', () => {
    const { mailRetry } = loadConfig({}, '/srv/dondoc');
    expect(mailRetry).toEqual({ baseDelayMs: MINUTE, maxDelayMs: 60 * MINUTE, giveUpAfterAttempts: 30 });
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 40].map((n) => mailRetryDelayMs(mailRetry, n, 0) / MINUTE);
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    // The jitter only shortens, by a fifth at most: the maximum stays a maximum.
    expect(mailRetryDelayMs(mailRetry, 7, 0.999_999)).toBeGreaterThan(48 * MINUTE);
    expect(mailRetryDelayMs(mailRetry, 3, 0.5)).toBe(3.6 * MINUTE);
  });

  it('reads every variable and names each bad one', () => {
    expect(
      loadConfig({
        MAIL_RETRY_BASE_MS: '5000',
        MAIL_RETRY_MAX_DELAY_MS: '20000',
        MAIL_GIVE_UP_AFTER_ATTEMPTS: '3',
      }).mailRetry,
    ).toEqual({ baseDelayMs: 5_000, maxDelayMs: 20_000, giveUpAfterAttempts: 3 });
    try {
      loadConfig({
        MAIL_RETRY_BASE_MS: '120000',
        MAIL_RETRY_MAX_DELAY_MS: '60000',
        MAIL_GIVE_UP_AFTER_ATTEMPTS: '0',
      });
      throw new Error('expected a ConfigException');
    } catch (error) {
      expect((error as ConfigException).problems).toEqual([
        'MAIL_GIVE_UP_AFTER_ATTEMPTS must be a whole number from 1 to 1000, got "0"',
        'MAIL_RETRY_MAX_DELAY_MS must be at least MAIL_RETRY_BASE_MS (120000), got 60000',
      ]);
    }
  });
});
