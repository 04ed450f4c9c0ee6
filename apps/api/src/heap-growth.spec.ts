import { getHeapStatistics } from 'node:v8';

import { HEAP_GROWING_PERCENT, limitHeapGrowth } from './heap-growth.js';

describe('limitHeapGrowth', () => {
  it("leaves a value the operator chose on node's command line alone", () => {
    expect(limitHeapGrowth(['--heap-growing-percent=80'])).toBe(false);
    expect(limitHeapGrowth(['--max-old-space-size=512', '--heap_growing_percent=30'])).toBe(false);
  });

  it('sets the growth limit otherwise, and the process keeps running with it', () => {
    expect(HEAP_GROWING_PERCENT).toBeGreaterThan(0);
    expect(limitHeapGrowth(['--max-old-space-size=512'])).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeGreaterThan(0);
  });
});
