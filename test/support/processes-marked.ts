import { readdirSync, readFileSync } from 'node:fs';

/**
 * Processes of this machine whose environment holds `DONDOC_TEST_MARK=<mark>`: a test gives
 * the processes it starts a mark of its own, then checks that none is left (Linux /proc).
 */
export function processesMarked(mark: string): number[] {
  const wanted = `DONDOC_TEST_MARK=${mark}`;
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(wanted))
        found.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}
