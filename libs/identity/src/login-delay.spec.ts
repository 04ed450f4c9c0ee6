import { delayAfterFailures, FREE_FAILURES, MAX_DELAY_SECONDS } from './login-delay.js';

describe('delayAfterFailures', () => {
  it('lets the first five failures through without any wait', () => {
    expect([0, 1, 2, 3, 4].map(delayAfterFailures)).toEqual([0, 0, 0, 0, 0]);
    expect(FREE_FAILURES).toBe(5);
  });

  it('doubles the wait after each further failure: 1 s, 2 s, 4 s …', () => {
    expect([5, 6, 7, 8, 9, 14].map(delayAfterFailures)).toEqual([1, 2, 4, 8, 16, 512]);
  });

  it('never asks for more than 15 minutes, however many failures', () => {
    expect([15, 16, 100, 10_000].map(delayAfterFailures)).toEqual([900, 900, 900, 900]);
    expect(MAX_DELAY_SECONDS).toBe(900);
  });
});
