import type { Request } from 'express';

import type { Caller } from '@dondoc/identity';

import type { Loaders } from '../common/loaders.js';

/** What every resolver can reach: the HTTP request, the caller once known, its loaders. */
export interface RequestContext {
  req: Request & { caller?: Caller; loaders?: Loaders };
}
