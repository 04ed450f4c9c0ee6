import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection, in
 * percent. With V8's own choice (up to 4×) the API's resident memory climbed from ~165 MB
 * idle to 265–325 MB under the list load while what is alive stays near 60 MB: the rest was
 * promoted garbage waiting for a full collection. Limited to 50 %, the same requests ended
 * near 190 MB and peaked lower in most side-by-side runs, at no CPU cost per request that
 * could be measured (issue 16).
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Applies HEAP_GROWING_PERCENT to this process unless the operator chose a value on `node`'s
 * command line (Node refuses this V8 flag in NODE_OPTIONS, so that is the only other place).
 * V8 reads the flag at each full collection, so setting it while the API starts, before the
 * heap has grown, is as good as passing it to `node`.
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /heap[-_]growing[-_]percent/.test(arg))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
