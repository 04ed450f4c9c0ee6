import { readFileSync } from 'node:fs';

/** Read once from the root package.json, which every run mode has in its working directory. */
export const PRODUCT_VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync('package.json', 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
})();
